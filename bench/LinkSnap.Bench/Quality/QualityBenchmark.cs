using LinkSnap.Bench.Extraction;
using LinkSnap.Bench.Fidelity;
using LinkSnap.Bench.Harness;
using LinkSnap.Core.Capture;
using LinkSnap.Testing;

namespace LinkSnap.Bench.Quality;

/// <summary>
/// Issue 18 item 6 (decision 053): the capture quality guard's false positives on pages that are fine
/// (every fidelity site and a sample of the zyte-aeb articles; "missing images" is left out on zyte,
/// whose pages come without their images) and its cost as a share of the capture time.
/// </summary>
public sealed class QualityBenchmark : IBenchmark
{
    public string Section => "quality";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        if (context.CorpusRoot is null)
        {
            context.Report.NotMeasured(Section, "quality guard false positives", "0", "corpus not found");
            return;
        }

        await using var capturer = new EngineCapturer();
        var flagged = new List<string>();
        var shares = new List<double>();
        var pages = 0;

        foreach (var site in FidelitySite.Discover(Path.Combine(context.CorpusRoot, "fidelity")))
        {
            await using var server = await FixtureServer.StartAsync();
            server.MapDirectory("/", site.Directory);
            Count(site.Name, await capturer.CaptureAsync(server.Url("/"), context.WorkPath("quality", site.Name), cancellationToken), ignoreImages: false);
        }

        var zyte = ZyteCorpus.Load(Path.Combine(context.CorpusRoot, "extraction", "zyte-aeb"));
        var sample = zyte.Ids.Where((_, i) => context.Options.Full || i % 6 == 0).ToList();
        await using (var server = await FixtureServer.StartAsync())
        {
            foreach (var id in sample)
            {
                server.MapContent("/zyte/" + id, "text/html; charset=utf-8", zyte.PageHtml(id));
                Count("zyte/" + id[..8], await capturer.CaptureAsync(server.Url("/zyte/" + id), context.WorkPath("quality", "zyte", id[..8]), cancellationToken), ignoreImages: true);
            }
        }

        context.Report.Detail("quality.flagged", flagged);
        context.Report.Add(new BenchRow
        {
            Section = Section, Figure = "quality guard false positives (fidelity sites + zyte-aeb sample)",
            Value = pages == 0 ? null : (double)flagged.Count / pages, ValueText = $"{flagged.Count}/{pages}",
            Target = "0", Met = flagged.Count == 0, Note = "missing-images not counted on zyte-aeb (its pages have no images offline)",
        });
        var median = Stats.Of(shares);
        context.Report.Add(new BenchRow
        {
            Section = Section, Figure = "quality guard share of capture time (median)", Value = median.Median * 100,
            ValueText = $"{median.Median * 100:0.0}% (p95 {median.P95 * 100:0.0}%)", Target = "≤ 5%", Met = median.Median <= 0.05, Unit = "%",
        });

        void Count(string name, CaptureResult result, bool ignoreImages)
        {
            pages++;
            var flags = result.Metadata.Quality?.Flags.Where(f => !ignoreImages || f.Kind != "missing-images").ToList() ?? [];
            if (flags.Count > 0)
            {
                flagged.Add($"{name}: {string.Join("; ", flags.Select(f => $"{f.Kind} {f.Reason}"))}");
            }

            var total = result.TimingsMs.GetValueOrDefault("total");
            if (total > 0)
            {
                shares.Add((result.TimingsMs.GetValueOrDefault("guard") + result.TimingsMs.GetValueOrDefault("guard-prepare")) / total);
            }
        }
    }
}
