using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using LinkSnap.Bench.Daemon;
using LinkSnap.Bench.Harness;
using LinkSnap.Bench.Memory;
using LinkSnap.Shared;
using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using Microsoft.AspNetCore.Http;

namespace LinkSnap.Bench.Versions;

/// <summary>
/// What watching costs (issue 15 items 4 and 7), on the real published daemon:
/// <list type="bullet">
/// <item>storage — bytes the data directory grows by (database checkpointed, hard-linked files counted
/// once) per unchanged check and per changed version, and how many new files each brings;</item>
/// <item>idle — CPU time (/proc utime+stime) and resident memory of a daemon with 100,000 watched links
/// while nothing is due.</item>
/// </list>
/// </summary>
public sealed class WatchBenchmark : IBenchmark
{
    private const int UnchangedLinks = 8;
    private const int ChangedLinks = 3;
    private const int IdleLinks = 100_000;
    private static readonly TimeSpan IdleSettle = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(60);

    /// <summary>Linux reports process times in USER_HZ ticks, 100 per second on every mainstream architecture.</summary>
    private const double TicksPerSecond = 100;

    public string Section => "watch";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        if (DaemonProcess.FindExecutable(out var reason) is not { } dll)
        {
            context.Report.NotMeasured(Section, "bytes per watch check; idle daemon with 100,000 watches", "", reason);
            return;
        }

        await MeasureStorageAsync(context, dll, cancellationToken);
        await MeasureIdleAsync(context, dll, cancellationToken);
    }

    private async Task MeasureStorageAsync(BenchContext context, string dll, CancellationToken cancellationToken)
    {
        await using var server = await FixtureServer.StartAsync();
        // Each link its own page and its own version counter: version 0 is saved, version 1 is the check.
        var kinds = Enumerable.Repeat("same", UnchangedLinks).Concat(Enumerable.Repeat("image", ChangedLinks)).Concat(Enumerable.Repeat("text", ChangedLinks)).ToList();
        for (var i = 0; i < kinds.Count; i++)
        {
            var (kind, count) = (kinds[i], new int[1]);
            server.Map($"/watched/{i}", async http =>
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync(ChangingPages.Page(kind, Interlocked.Increment(ref count[0]) - 1), cancellationToken);
            });
        }

        server.Map("/changing/red.svg", http => Svg(http, "#c0392b"));
        server.Map("/changing/blue.svg", http => Svg(http, "#2c3e80"));

        var data = context.WorkPath("watch-storage", Guid.NewGuid().ToString("N"));
        // No health checks, no host gap: only the watch checks write to the data directory.
        await using var daemon = await DaemonProcess.StartAsync(dll, data, ["--Health:Enabled=false", "--Background:HostGap=00:00:00"], cancellationToken);
        var links = new List<long>();
        var saves = new List<long>();
        for (var i = 0; i < kinds.Count; i++)
        {
            var (linkId, snapshotId) = await DaemonApi.PostCaptureAsync(daemon.Client, server.Url($"/watched/{i}"), null, cancellationToken);
            links.Add(linkId);
            saves.Add(snapshotId);
        }

        foreach (var snapshot in saves)
        {
            await DaemonApi.WaitFinishedAsync(daemon.Client, snapshot, TimeSpan.FromMinutes(5), cancellationToken);
        }

        foreach (var link in links)
        {
            using var response = await daemon.Client.PutAsJsonAsync($"/api/links/{link}/watch", new { every = "daily" }, cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        var paths = new LinkSnapPaths(data);
        var unchanged = links.Take(UnchangedLinks).ToList();
        // Two rounds: the first check of a link grows the database by pages that later checks reuse
        // (a check's capture row is written, then deleted); the second round is what each further check costs.
        var start = DataSize(paths);
        var firstOutcomes = await CheckNowAsync(daemon, paths, unchanged, 1, cancellationToken);
        var before = DataSize(paths);
        var unchangedOutcomes = await CheckNowAsync(daemon, paths, unchanged, 2, cancellationToken);
        var afterUnchanged = DataSize(paths);
        var changed = links.Skip(UnchangedLinks).ToList();
        var changedOutcomes = await CheckNowAsync(daemon, paths, changed, 1, cancellationToken);
        var afterChanged = DataSize(paths);

        var perCheck = (double)(afterUnchanged.Bytes - before.Bytes) / unchanged.Count;
        var livePerCheck = (double)(afterUnchanged.LiveDatabaseBytes - before.LiveDatabaseBytes) / unchanged.Count;
        var firstPerCheck = (double)(before.Bytes - start.Bytes) / unchanged.Count;
        var newFilesPerCheck = (double)(afterUnchanged.Files - start.Files) / unchanged.Count;
        context.Report.Add(new BenchRow
        {
            Section = Section,
            Figure = $"data directory growth per unchanged watch check ({unchanged.Count} links, second check each)",
            Value = perCheck,
            ValueText = $"{perCheck:0} bytes, {newFilesPerCheck:0.#} new files",
            Target = "≤ a few hundred bytes, no new files",
            Met = perCheck <= 500 && afterUnchanged.Files == start.Files,
            Note = $"outcomes {Summary(firstOutcomes.Concat(unchangedOutcomes))}; database pages in use grew {livePerCheck:0} bytes per check; "
                + $"the first check of each link grew the directory {firstPerCheck:0} bytes per check (pages the database then reuses: a check's capture row is written, then deleted); "
                + "database checkpointed (WAL truncated) before each measure, files counted once per inode (du -sb)",
        });

        var perVersion = (double)(afterChanged.Bytes - afterUnchanged.Bytes) / changed.Count;
        var newFilesPerVersion = (double)(afterChanged.Files - afterUnchanged.Files) / changed.Count;
        var shared = SharedFiles(paths, afterUnchanged);
        context.Report.Add(new BenchRow
        {
            Section = Section,
            Figure = $"data directory growth per changed version ({ChangedLinks} image swaps, {ChangedLinks} text edits)",
            Value = perVersion,
            ValueText = $"{perVersion / 1024:0} KB, {newFilesPerVersion:0.#} new files",
            Target = "only changed artifacts are new (byte-identical ones shared)",
            Met = shared.Identical == 0,
            Note = $"outcomes {Summary(changedOutcomes)}; in the new versions' folders {shared.Linked} files are hard links to the previous version's and {shared.Identical} new files are byte-identical to an older one (should be 0); new files by name: {shared.NewByName}",
        });
        context.Report.Detail("watch.bytesPerUnchangedCheck", Math.Round(perCheck));
        context.Report.Detail("watch.bytesPerChangedVersion", Math.Round(perVersion));
    }

    /// <summary>Makes the given watches due, wakes the scheduler (a tag watch switched off: it wakes without changing anything) and waits for one check each.</summary>
    private static async Task<List<string>> CheckNowAsync(DaemonProcess daemon, LinkSnapPaths paths, IReadOnlyList<long> links, int checks, CancellationToken cancellationToken)
    {
        using (var database = new LinkSnapDatabase(paths.DatabasePath))
        using (var connection = database.Open())
        {
            connection.Execute("UPDATE watches SET next_due_at = '2000-01-01T00:00:00.000Z' WHERE link_id IN @links", new { links });
        }

        using (var wake = await daemon.Client.PutAsJsonAsync("/api/tags/watch", new { tag = "bench-nothing", every = "off" }, cancellationToken))
        {
            wake.EnsureSuccessStatusCode();
        }

        var outcomes = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var link in links)
        {
            while (true)
            {
                var watch = await daemon.Client.GetFromJsonAsync<JsonElement>($"/api/links/{link}/watch", cancellationToken);
                if (watch.GetProperty("checks") is { ValueKind: JsonValueKind.Array } recorded && recorded.GetArrayLength() >= checks)
                {
                    outcomes.Add(recorded[0].GetProperty("outcome").GetString() ?? "?");
                    break;
                }

                if (clock.Elapsed > TimeSpan.FromMinutes(5))
                {
                    throw new TimeoutException($"the watch check of link {link} was not recorded within 5 minutes");
                }

                await Task.Delay(200, cancellationToken);
            }
        }

        return outcomes;
    }

    private sealed record Size(long Bytes, int Files, HashSet<string> Inodes, HashSet<string> Paths, long LiveDatabaseBytes);

    /// <summary>The data directory as stored: database checkpointed, logs and the socket left out, each inode once.</summary>
    private static Size DataSize(LinkSnapPaths paths)
    {
        long live;
        using (var database = new LinkSnapDatabase(paths.DatabasePath))
        using (var connection = database.Open())
        {
            connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
            live = (connection.ExecuteScalar<long>("PRAGMA page_count") - connection.ExecuteScalar<long>("PRAGMA freelist_count")) * connection.ExecuteScalar<long>("PRAGMA page_size");
        }

        var du = Run("du", "-sb", "--exclude=logs", "--exclude=bench-daemon.log", "--exclude=daemon.sock", paths.DataDirectory);
        var files = Run("find", paths.DataDirectory, "-path", paths.LogsDirectory, "-prune", "-o", "-type", "f", "-printf", "%i %p\n")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.EndsWith("bench-daemon.log", StringComparison.Ordinal))
            .Select(line => line.Split(' ', 2))
            .ToList();
        var inodes = files.Select(f => f[0]).ToHashSet();
        return new Size(long.Parse(du.Split('\t')[0]), inodes.Count, inodes, files.Select(f => f[1]).ToHashSet(), live);
    }

    /// <summary>
    /// The snapshot files that appeared since <paramref name="old"/>: how many are hard links to an
    /// earlier version's file, and how many are new files whose bytes equal an earlier file (a missed share).
    /// </summary>
    private static (int Linked, int Identical, string NewByName) SharedFiles(LinkSnapPaths paths, Size old)
    {
        var rows = Run("find", paths.SnapshotsDirectory, "-type", "f", "-printf", "%i %p\n")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .Select(f => (Inode: f[0], Path: f[1]))
            .ToList();
        var added = rows.Where(r => !old.Paths.Contains(r.Path)).ToList();
        var fresh = added.Where(r => !old.Inodes.Contains(r.Inode)).ToList();
        var oldHashes = rows.Where(r => old.Paths.Contains(r.Path)).Select(r => Hash(r.Path)).ToHashSet();
        var identical = fresh.Count(r => Path.GetFileName(r.Path) != "snapshot.json" && oldHashes.Contains(Hash(r.Path)));
        var byName = string.Join(", ", fresh.GroupBy(r => Path.GetFileName(r.Path)).OrderBy(g => g.Key).Select(g => $"{g.Key} ×{g.Count()}"));
        return (added.Count - fresh.Count, identical, byName);
    }

    private async Task MeasureIdleAsync(BenchContext context, string dll, CancellationToken cancellationToken)
    {
        // The same daemon with an empty library first: what the runtime and Kestrel cost on their own.
        var empty = await IdleAsync(context, dll, 0, cancellationToken);
        var watched = await IdleAsync(context, dll, IdleLinks, cancellationToken);
        var added = watched.CpuSeconds - empty.CpuSeconds;
        context.Report.Add(new BenchRow
        {
            Section = Section,
            Figure = $"idle daemon with {IdleLinks:N0} watched links: CPU over {watched.Seconds:0} s",
            Value = watched.CpuSeconds,
            ValueText = $"{watched.CpuSeconds * 1000:0} ms CPU ({watched.CpuSeconds / watched.Seconds * 100:0.00} % of a core), RSS {watched.Rss / 1024 / 1024} MB",
            Target = "no measurable idle CPU (≤ 100 ms a minute above an empty daemon)",
            Met = added <= 0.1,
            Note = $"an empty daemon used {empty.CpuSeconds * 1000:0} ms (RSS {empty.Rss / 1024 / 1024} MB) over the same window: the runtime and Kestrel's 1 s heartbeat; "
                + $"links inserted directly, watched weekly and health-checked weekly, first due in an hour; measured after {IdleSettle.TotalSeconds:0} s of start-up; "
                + $"daemon process only (/proc utime+stime, 10 ms ticks; its Chromium processes used {watched.ChildrenCpuSeconds * 1000:0} ms)",
        });
        context.Report.Detail("watch.idleCpuMs", Math.Round(watched.CpuSeconds * 1000));
        context.Report.Detail("watch.idleCpuMsEmpty", Math.Round(empty.CpuSeconds * 1000));
        context.Report.Detail("watch.idleRssMb", watched.Rss / 1024 / 1024);
    }

    private sealed record Idle(double Seconds, double CpuSeconds, double ChildrenCpuSeconds, long Rss);

    private static async Task<Idle> IdleAsync(BenchContext context, string dll, int links, CancellationToken cancellationToken)
    {
        var data = context.WorkPath("watch-idle", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        Seed(new LinkSnapPaths(data), links);
        await using var daemon = await DaemonProcess.StartAsync(dll, data, [], cancellationToken);
        await Task.Delay(IdleSettle, cancellationToken); // start-up work (first scheduler passes) is not idle time
        var processes = ProcessMemory.Descendants(daemon.ProcessId);
        var daemonBefore = CpuTicks(daemon.ProcessId);
        var childrenBefore = processes.Sum(CpuTicks);
        var clock = Stopwatch.StartNew();
        await Task.Delay(IdleWindow, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        return new Idle(
            seconds,
            (CpuTicks(daemon.ProcessId) - daemonBefore) / TicksPerSecond,
            (processes.Sum(CpuTicks) - childrenBefore) / TicksPerSecond,
            ProcessMemory.RssBytes(daemon.ProcessId));
    }

    /// <summary>100,000 links, each watched weekly and with a weekly health check, all due between one hour and a week from now.</summary>
    private static void Seed(LinkSnapPaths paths, int count)
    {
        using var database = new LinkSnapDatabase(paths.DatabasePath);
        database.Migrate();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var now = DateTimeOffset.UtcNow;
        var spread = TimeSpan.FromDays(7) / Math.Max(count, 1);
        using var link = connection.CreateCommand();
        link.Transaction = transaction;
        link.CommandText = "INSERT INTO links (id, url, normalized_url, site, title, created_at, updated_at, health_due_at) VALUES ($id, $url, $url, $site, $title, $now, $now, $due)";
        using var watch = connection.CreateCommand();
        watch.Transaction = transaction;
        watch.CommandText = "INSERT INTO watches (link_id, period, source, next_due_at) VALUES ($id, 'weekly', 'link', $due)";
        var id = link.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Integer);
        var url = link.Parameters.Add("$url", Microsoft.Data.Sqlite.SqliteType.Text);
        var site = link.Parameters.Add("$site", Microsoft.Data.Sqlite.SqliteType.Text);
        var title = link.Parameters.Add("$title", Microsoft.Data.Sqlite.SqliteType.Text);
        link.Parameters.AddWithValue("$now", StorageText.Time(now));
        var due = link.Parameters.Add("$due", Microsoft.Data.Sqlite.SqliteType.Text);
        var watchId = watch.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Integer);
        var watchDue = watch.Parameters.Add("$due", Microsoft.Data.Sqlite.SqliteType.Text);
        for (var i = 1; i <= count; i++)
        {
            id.Value = i;
            url.Value = $"https://site{i % 500}.example/articles/{i}";
            site.Value = $"site{i % 500}.example";
            title.Value = $"Article {i}";
            due.Value = StorageText.Time(now + TimeSpan.FromHours(1) + spread * i);
            link.ExecuteNonQuery();
            watchId.Value = i;
            watchDue.Value = StorageText.Time(now + TimeSpan.FromHours(1) + spread * ((i * 7919L) % count));
            watch.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>utime + stime of one process, in ticks (fields 14 and 15 of /proc/PID/stat).</summary>
    private static long CpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0; // ended meanwhile
        }
    }

    private static string Summary(IEnumerable<string> outcomes) =>
        string.Join(", ", outcomes.GroupBy(o => o).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));

    private static string Hash(string path) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    private static Task Svg(HttpContext http, string color)
    {
        http.Response.ContentType = "image/svg+xml";
        return http.Response.WriteAsync($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"300\"><rect width=\"600\" height=\"300\" fill=\"{color}\"/></svg>");
    }

    private static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
