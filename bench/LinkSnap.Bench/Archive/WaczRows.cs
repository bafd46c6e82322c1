using LinkSnap.Bench.Harness;

namespace LinkSnap.Bench.Archive;

/// <summary>The wacz section's rows: time added, size ratio, and replay pixel match per site.</summary>
public static class WaczRows
{
    public static void Add(BenchReport report, IReadOnlyList<WaczSiteResult> sites, int repeats)
    {
        var scope = $"{sites.Count} fidelity sites × {repeats} runs each way";
        var added = Stats.Of(sites.Where(s => s.MedianMsWithoutWacz > 0).Select(s => (s.MedianMsWithWacz / s.MedianMsWithoutWacz - 1) * 100));
        var perPage = Stats.Of(sites.Select(s => s.MedianMsWithoutWacz / 1000));
        report.Add(new BenchRow
        {
            Section = "wacz",
            Figure = $"time added to a fresh capture by WARC recording + WACZ packaging ({scope})",
            Value = added.Count == 0 ? null : added.Median,
            ValueText = added.Format("+0.0;−0.0;0.0", " %"),
            Target = "≤ 10 % of the per-page time",
            Met = added.Count == 0 ? null : added.Median <= 10,
            Note = $"per site: median wall time with Capture:SaveWacz on ÷ off − 1, alternating in one run; median (min–max) over sites. Per-page time without: {perPage.Format("0.00", " s")}",
        });

        var ratio = Stats.Of(sites.Where(s => s.WaczBytes > 0 && s.TransferredBytes > 0).Select(s => (double)s.WaczBytes / s.TransferredBytes));
        report.Add(new BenchRow
        {
            Section = "wacz",
            Figure = $"WACZ size ÷ bytes the site served for the capture ({sites.Count} sites)",
            Value = ratio.Count == 0 ? null : ratio.Median,
            ValueText = ratio.Format("0.00", "×"),
            Target = "≤ 1.1×",
            Met = ratio.Count == 0 ? null : ratio.Median <= 1.1,
            Note = "served bytes are the files' sizes (the fixture server does not compress); the WACZ holds each body once plus headers, request records, the screenshot and the PDF",
        });

        foreach (var site in sites)
        {
            report.Add(new BenchRow
            {
                Section = "wacz",
                Figure = $"replay pixel match: {site.Site} (ReplayWeb.page vs live)",
                Value = site.ReplayMatchingPixels,
                ValueText = site.ReplayMatchingPixels is { } r ? $"{r:0.000} (self-contained HTML {site.HtmlMatchingPixels:0.000})" : "n/a",
                Target = "≥ 0.97",
                Met = site.ReplayMatchingPixels is { } m ? m >= 0.97 : null,
                Note = site.Error,
            });
        }
    }
}
