using LinkSnap.Bench.Harness;

namespace LinkSnap.Bench.Fidelity;

/// <summary>Turns per-site fidelity results into the table's rows (fidelity, and per-page speed).</summary>
public static class FidelityRows
{
    public static void Add(BenchReport report, int siteCount, IReadOnlyList<ToolFidelity> results, IReadOnlyDictionary<string, double> floorMs, string? linkSnapMissing, string? peerMissing)
    {
        var ours = results.Where(r => r.Tool == "LinkSnap").ToList();
        var peer = results.Where(r => r.Tool == FidelityBenchmark.PeerName).ToList();
        var scope = $"{siteCount} sites";

        Row(report, $"saved copy: requests attempted ({scope})", "0 on every site", ours, peer, linkSnapMissing, peerMissing,
            list => list.Where(r => r.Saved).Sum(r => r.RequestsAttempted),
            list => $"{list.Where(r => r.Saved).Sum(r => r.RequestsAttempted)} total, {list.Count(r => r.Saved && r.RequestsAttempted == 0)}/{list.Count} sites at 0",
            (list, _) => list.Count == siteCount && list.All(r => r.Saved && r.RequestsAttempted == 0), ratio: false);

        Row(report, $"screenshot similarity, matching pixels ({scope})", "median ≥ 0.98", ours, peer, linkSnapMissing, peerMissing,
            list => Stats.Of(list.Select(r => r.MatchingPixelShare)).Median,
            list => Stats.Of(list.Select(r => r.MatchingPixelShare)).Format("0.000"),
            (_, median) => median >= 0.98, ratio: true);

        Row(report, $"screenshot similarity, SSIM ({scope})", "(information)", ours, peer, linkSnapMissing, peerMissing,
            list => Stats.Of(list.Select(r => r.Ssim)).Median,
            list => Stats.Of(list.Select(r => r.Ssim)).Format("0.000"),
            null, ratio: true);

        Row(report, $"visible-text F1 ({scope})", "median ≥ 0.99", ours, peer, linkSnapMissing, peerMissing,
            list => Stats.Of(list.Select(r => r.TextF1)).Median,
            list => Stats.Of(list.Select(r => r.TextF1)).Format("0.000"),
            (_, median) => median >= 0.99, ratio: true);

        var ourTime = Stats.Of(ours.Select(r => r.WallMs / 1000));
        var peerTime = Stats.Of(peer.Select(r => r.WallMs / 1000));
        // "Faster per page" is a paired comparison: each site's peer time over LinkSnap's, then the median
        // of those (sites both saved). The ratio of the two medians compares whichever sites happen to sit
        // in the middle of each tool's times; it stays in the note.
        var perSite = ours.Where(o => o.Saved)
            .Join(peer.Where(p => p.Saved), o => o.Site, p => p.Site, (o, p) => p.WallMs / o.WallMs)
            .ToList();
        var ratios = Stats.Of(perSite);
        var speedup = ratios.Count > 0 ? ratios.Median : (double?)null;
        var ofMedians = ourTime.Count > 0 && peerTime.Count > 0 ? $"; ratio of the two medians {peerTime.Median / ourTime.Median:0.00}×" : "";
        var ourArtifacts = Stats.Of(ours.Select(r => (double)r.Artifacts)).Median;
        report.Add(new BenchRow
        {
            Section = "speed",
            Figure = $"per-page wall time, fidelity sites ({scope})",
            Value = ourTime.Median,
            ValueText = ourTime.Count == 0 ? "n/a" : ourTime.Format("0.00", " s"),
            PeerValue = peerTime.Count == 0 ? null : peerTime.Median,
            PeerText = peerTime.Count == 0 ? "n/a" : peerTime.Format("0.00", " s"),
            Ratio = speedup,
            Target = "≥ 5× faster, more artifacts",
            Met = speedup is null ? null : speedup >= 5 && ourArtifacts > 1,
            Note = linkSnapMissing ?? peerMissing
                ?? $"ratio = median over the {ratios.Count} sites both saved of peer ÷ LinkSnap ({ratios.Format("0.00", "×")}){ofMedians}; " +
                $"LinkSnap saves a median of {ourArtifacts:0} artifacts per page, the peer 1 HTML file; " +
                "both tools' browsers fail names outside loopback at once (the peer through Chromium's --host-resolver-rules), so neither waits on this machine's resolver",
        });

        var overFloor = Stats.Of(ours.Where(o => o.Saved && floorMs.ContainsKey(o.Site)).Select(o => o.WallMs / floorMs[o.Site]));
        var floor = Stats.Of(floorMs.Values.Select(ms => ms / 1000));
        report.Add(new BenchRow
        {
            Section = "speed",
            Figure = $"per-page wall time over the physical floor ({scope})",
            Value = overFloor.Count == 0 ? null : overFloor.Median,
            ValueText = overFloor.Count == 0 ? "n/a" : overFloor.Format("0.00", "×"),
            PeerText = floor.Count == 0 ? "n/a" : floor.Format("0.00", " s") + " [floor]",
            Target = "(information)",
            Note = linkSnapMissing ?? "floor = load + one full-page screenshot in a fresh context of the warm bench browser, other origins failing at once; " +
                "the figure is the median over sites of LinkSnap's time ÷ that site's floor (what LinkSnap's own steps cost: settle, copy, article, PDF, store)",
        });
    }

    private static void Row(BenchReport report, string figure, string target, List<ToolFidelity> ours, List<ToolFidelity> peer,
        string? linkSnapMissing, string? peerMissing, Func<List<ToolFidelity>, double> value, Func<List<ToolFidelity>, string> text,
        Func<List<ToolFidelity>, double, bool>? met, bool ratio)
    {
        var hasOurs = ours.Count > 0;
        var hasPeer = peer.Count > 0;
        var v = hasOurs ? value(ours) : double.NaN;
        var p = hasPeer ? value(peer) : double.NaN;
        report.Add(new BenchRow
        {
            Section = "fidelity",
            Figure = figure,
            Value = hasOurs ? v : null,
            ValueText = hasOurs ? text(ours) : "n/a",
            PeerValue = hasPeer ? p : null,
            PeerText = hasPeer ? text(peer) : "n/a",
            Ratio = ratio && hasOurs && hasPeer && p > 0 ? v / p : null,
            Target = target,
            Met = hasOurs && met is not null ? met(ours, v) : null,
            Note = linkSnapMissing ?? peerMissing,
        });
    }
}
