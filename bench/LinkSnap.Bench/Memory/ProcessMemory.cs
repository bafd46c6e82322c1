namespace LinkSnap.Bench.Memory;

/// <summary>
/// Memory of real processes from /proc (Linux): resident set of the daemon, and proportional set
/// (PSS, shared pages split between sharers) of its Chromium processes from smaps_rollup — RSS would
/// count Chromium's shared pages once per process and overstate it several times.
/// </summary>
public static class ProcessMemory
{
    public static long RssBytes(int pid) => StatusField(pid, "VmRSS:");

    /// <summary>Sum of PSS over every descendant of <paramref name="pid"/> whose command is Chromium.</summary>
    public static long ChromiumPssBytes(int pid)
    {
        long total = 0;
        foreach (var child in Descendants(pid))
        {
            if (Command(child).Contains("chrom", StringComparison.OrdinalIgnoreCase))
            {
                total += PssBytes(child);
            }
        }

        return total;
    }

    public static long PssBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
            {
                if (line.StartsWith("Pss:", StringComparison.Ordinal))
                {
                    return ParseKb(line);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended between listing and reading.
        }

        return 0;
    }

    public static IReadOnlyList<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var result = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.Count > 0)
        {
            var current = frontier.Dequeue();
            foreach (var (pid, parent) in parents)
            {
                if (parent == current)
                {
                    result.Add(pid);
                    frontier.Enqueue(pid);
                }
            }
        }

        return result;
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // Field 4 of /proc/PID/stat, after the parenthesized command (which may contain spaces).
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static string Command(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static long StatusField(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : ParseKb(line);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static long ParseKb(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
}
