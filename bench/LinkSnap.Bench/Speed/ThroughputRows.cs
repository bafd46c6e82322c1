using System.Text.Json;
using LinkSnap.Bench.Daemon;
using LinkSnap.Bench.Harness;
using LinkSnap.Core.Capture;

namespace LinkSnap.Bench.Speed;

/// <summary>Rows of the queue run: speed (throughput, queue latency), memory and storage.</summary>
public static class ThroughputRows
{
    private const double MiB = 1024 * 1024;

    public static void Add(BenchReport report, int pages, QueueRun run, IReadOnlyList<JsonElement> snapshots,
        long idleRss, long endRss, (long FirstBytes, long AddedBytes) recapture, Stats? peerSeconds)
    {
        var results = snapshots.Select(DaemonApi.ToResult).ToList();
        var outcomes = results.GroupBy(r => r.Outcome.ToString().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());
        var pagesPerMinute = pages / run.Wall.TotalMinutes;
        var peerPerMinute = peerSeconds is { Count: > 0 } ? 60 / peerSeconds.Median : (double?)null;
        report.Add(new BenchRow
        {
            Section = "speed",
            Figure = $"throughput, {pages} zyte-aeb pages queued at once",
            Value = pagesPerMinute,
            ValueText = $"{pagesPerMinute:0.0} pages/min ({run.Wall.TotalSeconds:0} s)",
            PeerValue = peerPerMinute,
            PeerText = peerSeconds is null ? "n/a" : $"{peerPerMinute:0.0} pages/min [single-file-cli, one by one]",
            Ratio = peerPerMinute is null ? null : pagesPerMinute / peerPerMinute,
            Target = "(ratio to single-file-cli)",
            Note = $"default concurrency; outcomes {string.Join(", ", outcomes.Select(o => $"{o.Value} {o.Key}"))}; "
                + (peerSeconds is null ? "single-file-cli not installed" : $"single-file-cli timed one by one on the first {peerSeconds.Count} of the same pages ({peerSeconds.Format("0.0", " s")} each), rate extrapolated"),
        });

        var post = Stats.Of(run.PostLatenciesMs);
        report.Add(new BenchRow
        {
            Section = "speed",
            Figure = "request to job visible as queued (POST /api/captures)",
            Value = post.Median,
            ValueText = post.Format("0.0", " ms"),
            Target = "(information)",
        });

        report.Add(new BenchRow { Section = "memory", Figure = "daemon RSS idle (after start)", Value = idleRss / MiB, ValueText = $"{idleRss / MiB:0} MiB", Target = "(information)" });
        var early = MedianRss(run, Math.Min(10, pages / 2), Math.Min(20, pages / 2));
        var late = MedianRss(run, Math.Max(pages - 10, pages / 2), pages);
        var growth = early > 0 && late > 0 ? (double)late / early : (double?)null;
        report.Add(new BenchRow
        {
            Section = "memory",
            Figure = $"daemon RSS, median over pages {Math.Min(10, pages / 2)}–{Math.Min(20, pages / 2)} → over pages {Math.Max(pages - 10, pages / 2)}–{pages}",
            Value = late / MiB,
            ValueText = $"{early / MiB:0} → {late / MiB:0} MiB (at the end {endRss / MiB:0})",
            Ratio = growth,
            Target = "no growth trend (≤ 1.10×)",
            Met = growth is null ? null : growth <= 1.10,
            Note = $"RSS read at every status poll (every 0.5 s, {run.RssByFinished.Count} readings) with the number of pages finished",
        });
        report.Add(new BenchRow
        {
            Section = "memory",
            Figure = "Chromium peak PSS during the run",
            Value = run.PeakChromiumPss / MiB,
            ValueText = $"{run.PeakChromiumPss / MiB:0} MiB",
            Target = "(information)",
            Note = $"sampled every 0.5 s ({run.MemorySamples} samples), /proc/PID/smaps_rollup summed over the daemon's Chromium processes",
        });

        var byKind = results.SelectMany(r => r.Artifacts).Where(a => a.Status == ArtifactStatus.Ok)
            .GroupBy(a => a.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Stats.Of(g.Select(a => a.Bytes / 1024.0)));
        var perSnapshot = Stats.Of(results.Where(r => r.Outcome != CaptureOutcome.Failed).Select(r => r.Artifacts.Sum(a => a.Bytes) / 1024.0));
        report.Add(new BenchRow
        {
            Section = "memory",
            Figure = "storage per snapshot (all artifacts)",
            Value = perSnapshot.Median,
            ValueText = perSnapshot.Format("0", " KiB"),
            Target = "(information)",
            Note = "median KiB by artifact: " + string.Join(", ", byKind.Select(k => $"{k.Key} {k.Value.Median:0}")),
        });
        report.Add(new BenchRow
        {
            Section = "memory",
            Figure = "bytes added by recapturing an unchanged page",
            Value = recapture.AddedBytes / 1024.0,
            ValueText = $"{recapture.AddedBytes / 1024.0:0} KiB (first capture {recapture.FirstBytes / 1024.0:0} KiB)",
            Ratio = recapture.FirstBytes > 0 ? (double)recapture.AddedBytes / recapture.FirstBytes : null,
            Target = "(information)",
        });
        report.Detail("speed.storageKiBByArtifact", byKind);
        report.Detail("speed.captureTimingsMs", StepTimings.Summarize(results.Select(r => r.TimingsMs)));
        report.Detail("speed.outcomes", outcomes);
        report.Detail("memory.daemonRssMiBByPagesFinished", run.RssByFinished.GroupBy(r => r.Finished)
            .ToDictionary(g => g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g => Math.Round(g.Max(r => r.Rss) / MiB)));
        report.Detail("speed.reasons", results.Where(r => r.Outcome != CaptureOutcome.Done).Select(r => r.Reason).GroupBy(r => r).ToDictionary(g => g.Key ?? "", g => g.Count()));
    }

    /// <summary>Median RSS over the status polls taken while <paramref name="from"/> to <paramref name="to"/> pages were finished.</summary>
    private static long MedianRss(QueueRun run, int from, int to)
    {
        var readings = run.RssByFinished.Where(r => r.Finished >= from && r.Finished <= to).Select(r => (double)r.Rss).ToList();
        return readings.Count == 0 ? 0 : (long)Stats.Of(readings).Median;
    }
}
