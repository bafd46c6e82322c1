using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinkSnap.Core.Capture;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>Real third-party pages from ../shared/corpus (skipped where the corpus is absent).</summary>
[TestFixture]
public sealed partial class CorpusCaptureTests : CaptureTestBase
{
    protected override void Configure(CaptureOptions options)
    {
        options.SettleTimeout = TimeSpan.FromSeconds(5);
        options.NavigationTimeout = TimeSpan.FromSeconds(6);
    }

    private async Task<(Captured Captured, FixtureServer Site)> CaptureSiteAsync(string directory)
    {
        var site = await FixtureServer.StartAsync();
        site.MapDirectory("/", directory);
        return (await CaptureAsync(site.Url("/index.html")), site);
    }

    [Test]
    public async Task Extraction_page_article_text_matches_the_human_ground_truth()
    {
        var dir = Corpus.RequireDirectory("extraction/zyte-aeb");
        var entry = File.ReadLines(Path.Combine(dir, "index.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .First(e => e.GetProperty("lang").GetString() == "en");
        var html = await DecompressAsync(Path.Combine(dir, entry.GetProperty("html").GetString()!));
        Server.MapContent("/zyte/article", "text/html; charset=utf-8", html);

        var captured = await CaptureAsync(Server.Url("/zyte/article"));
        var truth = entry.GetProperty("gt").GetProperty("text").GetString()!;
        var (precision, recall) = ShingleOverlap(captured.Text(ArtifactKinds.ArticleText), truth);
        TestContext.Out.WriteLine($"precision {precision:0.000} recall {recall:0.000}");
        Assert.That(recall, Is.GreaterThan(0.8), "most of the article body is extracted");
        Assert.That(precision, Is.GreaterThan(0.6), "little boilerplate is mixed in");

        // A fine article is not flagged by the quality guard (decision 053); its images live on hosts
        // tests never reach, so "missing images" is the one sign expected here.
        Assert.That(captured.Result.Metadata.Quality!.Flags.Where(f => f.Kind != "missing-images"), Is.Empty);
    }

    [Test]
    public async Task Iana_site_is_captured_into_an_offline_copy()
    {
        var (captured, site) = await CaptureSiteAsync(Corpus.RequireDirectory("fidelity/iana"));
        await using var _ = site;
        Assert.That(captured.Result.Metadata.Title, Does.Contain("Internet Assigned Numbers Authority"));
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
        Assert.That(captured.Result.Metadata.Quality!.Flags, Is.Empty, "a fine page is not flagged (decision 053)");
        await using var view = await OpenOfflineAsync(captured.PathOf(ArtifactKinds.Html));
        Assert.That(await view.Page.InnerTextAsync("body"), Does.Contain("Domain Names"));
        Assert.That(view.Attempted, Is.Empty);
    }

    [Test]
    public async Task Servo_wikipedia_is_captured_into_an_offline_copy()
    {
        var (captured, site) = await CaptureSiteAsync(Corpus.RequireDirectory("fidelity/servo/Wikipedia"));
        await using var _ = site;
        Assert.That(captured.Result.Metadata.Title, Does.Contain("Wikipedia"));
        Assert.That(captured.Text(ArtifactKinds.ArticleText), Does.Contain("Wikipedia"));
        Assert.That(captured.Result.Metadata.Quality!.Flags, Is.Empty, "a fine page is not flagged (decision 053)");
        await using var view = await OpenOfflineAsync(captured.PathOf(ArtifactKinds.Html));
        Assert.That(await view.Page.InnerTextAsync("body"), Does.Contain("English"));
        Assert.That(view.Attempted, Is.Empty);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Servo_instagram_never_settles_and_is_captured_partial()
    {
        var (captured, site) = await CaptureSiteAsync(Corpus.RequireDirectory("fidelity/servo/Instagram"));
        await using var _ = site;
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Partial));
        Assert.That(captured.Result.Reason, Does.Contain("did not settle").Or.Contain("did not finish loading"));
        Assert.That(new FileInfo(captured.PathOf(ArtifactKinds.Screenshot)).Length, Is.GreaterThan(0));
    }

    private static async Task<byte[]> DecompressAsync(string path)
    {
        await using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        await gzip.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>The benchmark's metric: 4-token shingles of \w+ tokens.</summary>
    private static (double Precision, double Recall) ShingleOverlap(string extracted, string truth)
    {
        static HashSet<string> Shingles(string text)
        {
            var tokens = Words().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();
            return [.. Enumerable.Range(0, Math.Max(0, tokens.Length - 3)).Select(i => string.Join(' ', tokens, i, 4))];
        }

        var got = Shingles(extracted);
        var want = Shingles(truth);
        var common = got.Intersect(want).Count();
        return (got.Count == 0 ? 0 : (double)common / got.Count, want.Count == 0 ? 0 : (double)common / want.Count);
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();
}
