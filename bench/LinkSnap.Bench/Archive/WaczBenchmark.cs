using System.Diagnostics;
using LinkSnap.Bench.Fidelity;
using LinkSnap.Bench.Harness;
using LinkSnap.Bench.Scoring;
using LinkSnap.Core.Capture;
using LinkSnap.Testing;
using Microsoft.Playwright;

namespace LinkSnap.Bench.Archive;

/// <summary>
/// Issue 16's figures on the fidelity sites: the time the WARC recording and WACZ packaging add to a
/// fresh capture (the same engine settings with Capture:SaveWacz on and off, alternating, in one
/// run), the WACZ's size against the bytes the site served for the capture, and how the WACZ
/// replayed in ReplayWeb.page matches the live render, beside the self-contained HTML's match.
/// </summary>
public sealed class WaczBenchmark : IBenchmark
{
    public string Section => "wacz";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var root = context.CorpusRoot is null ? null : Path.Combine(context.CorpusRoot, "fidelity");
        if (root is null || !Directory.Exists(root))
        {
            context.Report.NotMeasured(Section, "web archive", "", "corpus fidelity/ not found");
            return;
        }

        var sites = FidelitySite.Discover(root).Take(context.Options.FidelitySites).ToList();
        var browser = await context.BrowserAsync();
        await using var withWacz = new EngineCapturer(o => o.SaveWacz = true);
        await using var withoutWacz = new EngineCapturer(o => o.SaveWacz = false);
        await using var replay = await ReplayViewer.StartAsync(await ReplayWebPage.InstallAsync(Path.Combine(context.RepositoryRoot, "archive-tools")));
        await using var copies = await FixtureServer.StartAsync();

        var results = new List<WaczSiteResult>();
        foreach (var site in sites)
        {
            Console.Error.WriteLine($"[bench]   wacz {site.Name}");
            await using var server = await FixtureServer.StartAsync();
            server.MapDirectory("/", site.Directory);
            var url = server.Url("/");
            var reference = await PageRenderer.RenderAsync(browser, url, allowOnlyDocument: false, cancellationToken);

            // Untimed first captures warm both engines' browsers on this site.
            await CaptureAsync(context, withWacz, url, site, "warm-on", cancellationToken);
            await CaptureAsync(context, withoutWacz, url, site, "warm-off", cancellationToken);
            var on = new List<double>();
            var off = new List<double>();
            var last = (Result: (CaptureResult?)null, Folder: "", Transferred: 0L);
            for (var run = 0; run < context.Options.Repeats; run++)
            {
                foreach (var wacz in run % 2 == 0 ? new[] { true, false } : [false, true])
                {
                    var before = server.Requests.Count;
                    var (result, folder, ms) = await CaptureAsync(context, wacz ? withWacz : withoutWacz, url, site, $"{(wacz ? "on" : "off")}-{run}", cancellationToken);
                    (wacz ? on : off).Add(ms);
                    if (wacz)
                    {
                        last = (result, folder, Transferred(site.Directory, server.Requests.Skip(before)));
                    }
                }
            }

            var waczFile = PathOf(last.Result, last.Folder, ArtifactKinds.Wacz);
            var htmlFile = PathOf(last.Result, last.Folder, ArtifactKinds.Html);
            double? replayMatch = null, htmlMatch = null;
            string? error = null;
            if (waczFile is not null && reference.Screenshot.Length > 0)
            {
                var replayed = await replay.RenderAsync(browser, replay.AddArchive(site.Name, waczFile), url.AbsoluteUri, TimeSpan.FromSeconds(60), cancellationToken);
                await File.WriteAllBytesAsync(context.WorkPath("wacz", site.Name, "replay.png"), replayed.Screenshot, cancellationToken);
                error = replayed.Error;
                replayMatch = replayed.Screenshot.Length > 0 ? ImageSimilarity.Compare(reference.Screenshot, replayed.Screenshot).MatchingPixelShare : 0;
            }

            if (htmlFile is not null && reference.Screenshot.Length > 0)
            {
                var path = $"/copy/{site.Name}.html";
                copies.MapContent(path, "text/html; charset=utf-8", await File.ReadAllBytesAsync(htmlFile, cancellationToken));
                var copy = await PageRenderer.RenderAsync(browser, copies.Url(path), allowOnlyDocument: true, cancellationToken);
                htmlMatch = copy.Screenshot.Length > 0 ? ImageSimilarity.Compare(reference.Screenshot, copy.Screenshot).MatchingPixelShare : 0;
            }

            results.Add(new WaczSiteResult(site.Name, Stats.Of(on).Median, Stats.Of(off).Median,
                waczFile is null ? 0 : new FileInfo(waczFile).Length, last.Transferred, replayMatch, htmlMatch, error ?? (waczFile is null ? "no archive.wacz" : null)));
        }

        context.Report.Detail("wacz.sites", results);
        WaczRows.Add(context.Report, results, context.Options.Repeats);
    }

    private static async Task<(CaptureResult Result, string Folder, double Ms)> CaptureAsync(BenchContext context, EngineCapturer capturer, Uri url, FidelitySite site, string name, CancellationToken cancellationToken)
    {
        var folder = context.WorkPath("wacz", site.Name, name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var clock = Stopwatch.StartNew();
        var result = await capturer.CaptureAsync(url, folder, cancellationToken);
        return (result, folder, clock.Elapsed.TotalMilliseconds);
    }

    private static string? PathOf(CaptureResult? result, string folder, string kind) =>
        result?.Artifacts.FirstOrDefault(a => a.Kind == kind && a.Status == ArtifactStatus.Ok && a.FileName is not null) is { } artifact
            ? Path.Combine(folder, artifact.FileName!)
            : null;

    /// <summary>Bytes of the site's files the server sent for one capture (as served: the fixture server does not compress).</summary>
    private static long Transferred(string siteDirectory, IEnumerable<string> requests) =>
        requests.Select(r => Uri.UnescapeDataString(r.Split('?')[0]).TrimStart('/'))
            .Select(p => Path.Combine(siteDirectory, p.Length == 0 || p.EndsWith('/') ? p + "index.html" : p))
            .Sum(f => File.Exists(f) ? new FileInfo(f).Length : 0);
}

/// <summary>One fidelity site's web archive figures.</summary>
public sealed record WaczSiteResult(string Site, double MedianMsWithWacz, double MedianMsWithoutWacz, long WaczBytes, long TransferredBytes,
    double? ReplayMatchingPixels, double? HtmlMatchingPixels, string? Error);
