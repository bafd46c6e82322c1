using System.Globalization;

namespace LinkSnap.Tests.Capture;

/// <summary>A process and every process below it, with each thread's nice value, read from /proc (Linux).</summary>
internal static class ProcessTree
{
    public sealed record Thread(int Pid, int Tid, string Type, string Name, int Nice)
    {
        public override string ToString() => $"{Type} {Pid}/{Tid} ({Name}) at nice {Nice}";
    }

    public static int ParentOf(int pid) => int.Parse(Stat(pid, pid)![1], CultureInfo.InvariantCulture);

    /// <summary>Every thread of <paramref name="rootPid"/> and its descendants that is still running.</summary>
    public static IReadOnlyList<Thread> ThreadsBelow(int rootPid)
    {
        var children = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Fields: Stat(pid, pid)))
            .Where(p => p.Fields is not null)
            .ToLookup(p => int.Parse(p.Fields![1], CultureInfo.InvariantCulture), p => p.Pid);
        var tree = new List<int> { rootPid };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(children[tree[i]]);
        }

        return tree.SelectMany(pid => Tids(pid).Select(tid => (Pid: pid, Tid: tid, Fields: Stat(pid, tid))))
            .Where(t => t.Fields is not null)
            .Select(t => new Thread(t.Pid, t.Tid, TypeOf(t.Pid), Read($"/proc/{t.Pid}/task/{t.Tid}/comm").Trim(), int.Parse(t.Fields![16], CultureInfo.InvariantCulture)))
            .ToList();
    }

    private static IEnumerable<int> Tids(int pid)
    {
        try
        {
            return Directory.EnumerateDirectories($"/proc/{pid}/task").Select(d => int.Parse(Path.GetFileName(d), CultureInfo.InvariantCulture)).ToList();
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>Chromium's --type (its children's command lines are rewritten into one string with spaces), "driver" or "browser".</summary>
    private static string TypeOf(int pid)
    {
        var args = Read($"/proc/{pid}/cmdline").Split(['\0', ' ']);
        return args.FirstOrDefault(a => a.StartsWith("--type=", StringComparison.Ordinal))?["--type=".Length..]
            ?? (args.Contains("run-driver") ? "driver" : "browser");
    }

    /// <summary>The stat fields after "PID (name) ", so fields[0] is field 3 (state) and fields[16] field 19 (nice); null once the thread ended.</summary>
    private static string[]? Stat(int pid, int tid)
    {
        var stat = Read($"/proc/{pid}/task/{tid}/stat");
        return stat.Length == 0 ? null : stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ""; // ended meanwhile
        }
    }
}
