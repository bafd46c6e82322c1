using System.Diagnostics;
using System.Text.Json;
using LinkSnap.Bench.Daemon;
using LinkSnap.Bench.Extraction;
using LinkSnap.Bench.Fidelity;
using LinkSnap.Bench.Harness;
using LinkSnap.Bench.Memory;
using LinkSnap.Core.Capture;
using LinkSnap.Testing;

namespace LinkSnap.Bench.Speed;

/// <summary>
/// Issue 5 §3 and §6: a fresh daemon gets N zyte-aeb pages queued at once (default concurrency);
/// measured: request-to-queued latency, pages per minute (against single-file-cli one by one on a
/// sample of the same pages), daemon RSS idle / over pages 10–20 and the last ten / at the end, Chromium's peak PSS,
/// bytes per snapshot by artifact and bytes added by recapturing an unchanged page. The article
/// texts it saved are scored by the extraction section.
/// </summary>
public sealed class ThroughputBenchmark : IBenchmark
{
    private const int PeerSample = 5;

    public string Section => "speed";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var dll = DaemonProcess.FindExecutable(out var missing);
        var zyte = context.CorpusRoot is null ? null : Path.Combine(context.CorpusRoot, "extraction/zyte-aeb");
        if (dll is null || zyte is null || !Directory.Exists(zyte))
        {
            var reason = dll is null ? missing : "corpus extraction/zyte-aeb not found";
            context.Report.NotMeasured(Section, "throughput, pages queued at once", "(ratio to single-file-cli)", reason);
            context.Report.NotMeasured("memory", "daemon RSS, Chromium PSS, storage", "", reason);
            return;
        }

        var corpus = ZyteCorpus.Load(zyte);
        var ids = corpus.Ids.Take(context.Options.ThroughputPages).ToList();
        await using var server = await FixtureServer.StartAsync();
        foreach (var id in ids)
        {
            server.MapContent($"/zyte/{id}.html", "text/html; charset=utf-8", corpus.PageHtml(id));
        }

        var dataDirectory = context.WorkPath("daemons", "throughput");
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        await using var daemon = await DaemonProcess.StartAsync(dll, dataDirectory, [], cancellationToken);
        await Task.Delay(2000, cancellationToken);
        var idleRss = ProcessMemory.RssBytes(daemon.ProcessId);

        var run = await RunQueueAsync(daemon, server, ids, cancellationToken);
        var snapshots = new List<JsonElement>();
        foreach (var (id, _, snapshotId) in run.Snapshots)
        {
            var snapshot = await DaemonApi.GetSnapshotAsync(daemon.Client, snapshotId, cancellationToken);
            snapshots.Add(snapshot);
            await ShareArticleAsync(context, daemon, id, snapshotId, snapshot, cancellationToken);
        }

        context.Shared.ZyteArticlesVia = $"the {ids.Count}-page queue run through the daemon";
        var endRss = ProcessMemory.RssBytes(daemon.ProcessId);
        var recapture = await RecaptureAsync(daemon, run.Snapshots[0].LinkId, cancellationToken);
        var peer = await PeerAsync(context, server, ids.Take(PeerSample).ToList(), cancellationToken);

        ThroughputRows.Add(context.Report, ids.Count, run, snapshots, idleRss, endRss, recapture, peer);
    }

    private static async Task<QueueRun> RunQueueAsync(DaemonProcess daemon, FixtureServer server, List<string> ids, CancellationToken cancellationToken)
    {
        await using var sampler = new MemorySampler(daemon.ProcessId);
        var clock = Stopwatch.StartNew();
        var postLatencies = new List<double>();
        var submitted = new List<(string Id, long LinkId, long SnapshotId)>();
        foreach (var id in ids)
        {
            var post = Stopwatch.StartNew();
            var (linkId, snapshotId) = await DaemonApi.PostCaptureAsync(daemon.Client, server.Url($"/zyte/{id}.html"), ["bench"], cancellationToken);
            postLatencies.Add(post.Elapsed.TotalMilliseconds);
            submitted.Add((id, linkId, snapshotId));
        }

        // RSS saw-tooths with every collection, so one reading at page 10 and one at the end can say
        // "growth" or "shrink" by chance: each status poll records (pages finished, RSS), and the trend
        // compares the medians of two windows of ten pages.
        var rssByFinished = new List<(int Finished, long Rss)>();
        while (clock.Elapsed < TimeSpan.FromMinutes(15))
        {
            var status = await daemon.GetJsonAsync("/api/status", cancellationToken);
            var queue = status.GetProperty("queue");
            var active = queue.GetProperty("queued").GetInt32() + queue.GetProperty("running").GetInt32();
            var finished = ids.Count - active;
            rssByFinished.Add((finished, ProcessMemory.RssBytes(daemon.ProcessId)));
            if (active == 0)
            {
                break;
            }

            await Task.Delay(500, cancellationToken);
        }

        var wall = clock.Elapsed;
        return new QueueRun(submitted.Select(s => (s.Id, s.LinkId, s.SnapshotId)).ToList(), wall, postLatencies,
            rssByFinished, sampler.PeakChromiumPss, sampler.Samples.Count);
    }

    private static async Task ShareArticleAsync(BenchContext context, DaemonProcess daemon, string id, long snapshotId, JsonElement snapshot, CancellationToken cancellationToken)
    {
        var article = DaemonApi.ToResult(snapshot).Artifacts
            .FirstOrDefault(a => a.Kind == ArtifactKinds.ArticleText && a.Status == ArtifactStatus.Ok && a.FileName is not null);
        if (article is null)
        {
            context.Shared.ZyteArticles[id] = "";
            return;
        }

        var file = context.WorkPath("throughput", id[..12] + ".txt");
        await DaemonApi.DownloadAsync(daemon.Client, snapshotId, article.FileName!, file, cancellationToken);
        context.Shared.ZyteArticles[id] = await File.ReadAllTextAsync(file, cancellationToken);
    }

    /// <summary>Recaptures an unchanged page and measures what the data directory grew by.</summary>
    private static async Task<(long FirstBytes, long AddedBytes)> RecaptureAsync(DaemonProcess daemon, long linkId, CancellationToken cancellationToken)
    {
        var before = DirectoryBytes(daemon.DataDirectory);
        var link = await daemon.GetJsonAsync($"/api/links/{linkId}", cancellationToken);
        var first = link.GetProperty("snapshots").EnumerateArray().Last().GetProperty("id").GetInt64();
        var firstBytes = DaemonApi.ToResult(await DaemonApi.GetSnapshotAsync(daemon.Client, first, cancellationToken)).Artifacts.Sum(a => a.Bytes);
        var snapshotId = await DaemonApi.PostRecaptureAsync(daemon.Client, linkId, cancellationToken);
        await DaemonApi.WaitFinishedAsync(daemon.Client, snapshotId, TimeSpan.FromMinutes(3), cancellationToken);
        return (firstBytes, DirectoryBytes(daemon.DataDirectory) - before);
    }

    /// <summary>
    /// Bytes on disk under a folder, each file counted once however many hard links it has (a
    /// recapture links the files that did not change to the previous snapshot's). find(1) reports
    /// device and inode, which .NET does not expose.
    /// </summary>
    private static long DirectoryBytes(string directory)
    {
        using var find = Process.Start(new ProcessStartInfo("find", [directory, "-type", "f", "-printf", "%D:%i %s %f\n"]) { RedirectStandardOutput = true })!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        while (find.StandardOutput.ReadLine() is { } line)
        {
            var parts = line.Split(' ', 3);
            if (parts.Length == 3 && !parts[2].EndsWith(".log", StringComparison.Ordinal) && !parts[2].EndsWith("-shm", StringComparison.Ordinal) && seen.Add(parts[0]))
            {
                total += long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        find.WaitForExit();
        return total;
    }

    private static async Task<Stats?> PeerAsync(BenchContext context, FixtureServer server, List<string> ids, CancellationToken cancellationToken)
    {
        var peer = SingleFileCli.Find(context.RepositoryRoot, out _);
        if (peer is null)
        {
            return null;
        }

        var times = new List<double>();
        foreach (var id in ids)
        {
            var file = context.WorkPath("throughput", "single-file", id[..12] + ".html");
            File.Delete(file);
            var capture = await peer.CaptureAsync(server.Url($"/zyte/{id}.html"), file, cancellationToken);
            times.Add(capture.WallMs / 1000);
        }

        return Stats.Of(times);
    }
}

/// <summary>What the queue run measured.</summary>
public sealed record QueueRun(
    IReadOnlyList<(string Id, long LinkId, long SnapshotId)> Snapshots,
    TimeSpan Wall,
    IReadOnlyList<double> PostLatenciesMs,
    IReadOnlyList<(int Finished, long Rss)> RssByFinished,
    long PeakChromiumPss,
    int MemorySamples);
