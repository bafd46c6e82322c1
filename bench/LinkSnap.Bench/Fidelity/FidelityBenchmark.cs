using LinkSnap.Bench.Harness;
using LinkSnap.Bench.Scoring;
using LinkSnap.Core.Capture;
using LinkSnap.Testing;
using Microsoft.Playwright;

namespace LinkSnap.Bench.Fidelity;

/// <summary>
/// Issue 5 §2 (and the per-page half of §3): each corpus site is served on loopback and rendered as
/// the reference; LinkSnap and single-file-cli each save it; each saved copy is reopened from another
/// origin with every request but the document blocked, and compared with the reference.
/// </summary>
public sealed class FidelityBenchmark : IBenchmark
{
    public const string PeerName = "single-file-cli";

    public string Section => "fidelity";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var root = context.CorpusRoot is null ? null : Path.Combine(context.CorpusRoot, "fidelity");
        if (root is null || !Directory.Exists(root))
        {
            context.Report.NotMeasured(Section, "saved copy fidelity", "", "corpus fidelity/ not found");
            return;
        }

        var sites = FidelitySite.Discover(root).Take(context.Options.FidelitySites).ToList();
        var browser = await context.BrowserAsync();
        var peer = SingleFileCli.Find(context.RepositoryRoot, out var peerMissing);
        await using var capturer = await LinkSnapCapturers.CreateAsync(context, Section, cancellationToken);
        await using var copies = await FixtureServer.StartAsync();
        context.Report.Detail("fidelity.linkSnapVia", capturer?.Description);

        if (capturer is not null && sites.Count > 0)
        {
            await WarmUpAsync(context, capturer, sites[0], cancellationToken);
        }

        var results = new List<ToolFidelity>();
        var floors = new Dictionary<string, double>();
        foreach (var site in sites)
        {
            Console.Error.WriteLine($"[bench]   fidelity {site.Name}");
            await using var server = await FixtureServer.StartAsync();
            server.MapDirectory("/", site.Directory);
            var reference = await PageRenderer.RenderAsync(browser, server.Url("/"), allowOnlyDocument: false, cancellationToken);
            await File.WriteAllBytesAsync(context.WorkPath("fidelity", site.Name, "reference.png"), reference.Screenshot, cancellationToken);

            floors[site.Name] = await PhysicalFloor.MeasureMsAsync(browser, server.Url("/"));
            if (capturer is not null)
            {
                results.Add(await LinkSnapAsync(context, capturer, browser, copies, site, server.Url("/"), reference, cancellationToken));
            }

            if (peer is not null)
            {
                results.Add(await PeerAsync(context, peer, browser, copies, site, server.Url("/"), reference, cancellationToken));
            }
        }

        context.Report.Detail("fidelity.sites", results);
        context.Report.Detail("fidelity.floorMs", floors);
        FidelityRows.Add(context.Report, sites.Count, results, floors,
            capturer is null ? LinkSnapCapturers.MissingReason : null, peer is null ? peerMissing : null);
    }

    /// <summary>
    /// One untimed capture first: the issue times a warm daemon, and the first capture would
    /// otherwise also pay the browser launch, the first context and the JIT (≈ 2 s) on one site.
    /// </summary>
    private static async Task WarmUpAsync(BenchContext context, ILinkSnapCapturer capturer, FidelitySite site, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"[bench]   fidelity warm-up (untimed) on {site.Name}");
        await using var server = await FixtureServer.StartAsync();
        server.MapDirectory("/", site.Directory);
        var folder = context.WorkPath("fidelity", "warm-up", "linksnap");
        var result = await capturer.CaptureAsync(server.Url("/"), folder, cancellationToken);
        context.Report.Detail("fidelity.warmUp", $"{site.Name}: {result.Outcome}");
    }

    private static async Task<ToolFidelity> LinkSnapAsync(BenchContext context, ILinkSnapCapturer capturer, IBrowser browser, FixtureServer copies, FidelitySite site, Uri url, PageRendering reference, CancellationToken cancellationToken)
    {
        var folder = context.WorkPath("fidelity", site.Name, "linksnap");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await capturer.CaptureAsync(url, folder, cancellationToken);
        var wallMs = clock.Elapsed.TotalMilliseconds;
        var html = result.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Html && a.Status == ArtifactStatus.Ok && a.FileName is not null);
        var bytes = result.Artifacts.Where(a => a.Status == ArtifactStatus.Ok).Sum(a => a.Bytes);
        var artifacts = result.Artifacts.Count(a => a.Status == ArtifactStatus.Ok);
        var baseline = new ToolFidelity
        {
            Site = site.Name, Tool = "LinkSnap", WallMs = wallMs, Bytes = bytes, Artifacts = artifacts,
            Error = result.Outcome == CaptureOutcome.Done ? null : $"{result.Outcome}: {result.Reason}",
        };
        if (html is null || !File.Exists(Path.Combine(folder, html.FileName!)))
        {
            return baseline with { Error = baseline.Error ?? "no html artifact" };
        }

        return await CompareAsync(context, browser, copies, baseline, Path.Combine(folder, html.FileName!), reference, cancellationToken);
    }

    private static async Task<ToolFidelity> PeerAsync(BenchContext context, SingleFileCli peer, IBrowser browser, FixtureServer copies, FidelitySite site, Uri url, PageRendering reference, CancellationToken cancellationToken)
    {
        var file = context.WorkPath("fidelity", site.Name, "single-file.html");
        File.Delete(file);
        var capture = await peer.CaptureAsync(url, file, cancellationToken);
        var baseline = new ToolFidelity
        {
            Site = site.Name, Tool = PeerName, WallMs = capture.WallMs, Artifacts = capture.Ok ? 1 : 0,
            Bytes = capture.Ok ? new FileInfo(file).Length : 0,
            Error = capture.Error ?? (capture.Retried ? "retried with --browser-wait-until=load" : null),
        };
        return capture.Ok ? await CompareAsync(context, browser, copies, baseline, file, reference, cancellationToken) : baseline;
    }

    /// <summary>Opens the saved file from another origin with all network blocked and compares it with the reference.</summary>
    private static async Task<ToolFidelity> CompareAsync(BenchContext context, IBrowser browser, FixtureServer copies, ToolFidelity baseline, string savedFile, PageRendering reference, CancellationToken cancellationToken)
    {
        var path = $"/copy/{baseline.Site}/{baseline.Tool}.html";
        copies.MapContent(path, "text/html; charset=utf-8", await File.ReadAllBytesAsync(savedFile, cancellationToken));
        var copy = await PageRenderer.RenderAsync(browser, copies.Url(path), allowOnlyDocument: true, cancellationToken);
        await File.WriteAllBytesAsync(context.WorkPath("fidelity", baseline.Site, baseline.Tool + ".png"), copy.Screenshot, cancellationToken);
        var image = reference.Screenshot.Length > 0 && copy.Screenshot.Length > 0
            ? ImageSimilarity.Compare(reference.Screenshot, copy.Screenshot)
            : null;
        return baseline with
        {
            Saved = true,
            RequestsAttempted = copy.RequestsAttempted,
            RequestSample = copy.RequestSample,
            MatchingPixelShare = image?.MatchingPixelShare ?? 0,
            Ssim = image?.Ssim ?? 0,
            TextF1 = TextF1.Score(reference.VisibleText, copy.VisibleText),
            ScreenshotSize = image is null ? null : $"{image.ReferenceWidth}x{image.ReferenceHeight} vs {image.CandidateWidth}x{image.CandidateHeight}",
        };
    }
}
