using System.Text;
using LinkSnap.Core.Capture;
using Microsoft.Playwright;
using NUnit.Framework;
using LinkSnap.Testing;

namespace LinkSnap.Tests.Capture;

/// <summary>Fresh and as-seen captures of ordinary HTML pages: every artifact, metadata, offline copy.</summary>
[TestFixture]
public sealed class HtmlCaptureTests : CaptureTestBase
{
    private readonly StageRecorder _stages = new();
    private Captured _article = null!;

    private sealed class StageRecorder : IProgress<CaptureStage>
    {
        public List<CaptureStage> Stages { get; } = [];

        public void Report(CaptureStage value)
        {
            lock (Stages)
            {
                Stages.Add(value);
            }
        }
    }

    [OneTimeSetUp]
    public async Task CaptureArticleAsync()
    {
        Server.MapHtml("/article", Fixtures.ArticlePage("/red.png"));
        Server.MapContent("/red.png", "image/png", Fixtures.RedPng);
        Server.MapContent("/icon.png", "image/png", Fixtures.BluePng);
        Server.MapContent("/blue-lazy.png", "image/png", Fixtures.BluePng);
        _article = await CaptureAsync(Server.Url("/article"), progress: _stages);
        TestContext.Progress.WriteLine("article timings: " + string.Join(", ", _article.Result.TimingsMs.Select(t => $"{t.Key}={t.Value:0}")));
    }

    [Test]
    public void Article_capture_is_done_with_every_artifact()
    {
        Assert.That(_article.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), _article.Result.Reason);
        foreach (var kind in new[] { ArtifactKinds.Html, ArtifactKinds.Screenshot, ArtifactKinds.Thumbnail, ArtifactKinds.Pdf, ArtifactKinds.ArticleHtml, ArtifactKinds.ArticleText, ArtifactKinds.Favicon })
        {
            Assert.That(new FileInfo(_article.PathOf(kind)).Length, Is.GreaterThan(0), kind);
        }

        Assert.That(_article.Result.TimingsMs.Keys, Is.SupersetOf(new[] { "fetch", "navigate", "settle", "screenshot", "pdf", "total" }));
        Assert.That(_stages.Stages.Distinct(), Is.EqualTo(new[] { CaptureStage.Loading, CaptureStage.Settling, CaptureStage.Saving }), "progress is reported in order");
    }

    [Test]
    public void Metadata_comes_from_the_page()
    {
        var m = _article.Result.Metadata;
        Assert.Multiple(() =>
        {
            Assert.That(m.Title, Is.EqualTo("The Lighthouse Keeper"));
            Assert.That(m.Byline, Does.Contain("Ada Marsh"));
            Assert.That(m.SiteName, Is.EqualTo("Coast Stories"));
            Assert.That(m.Language, Is.EqualTo("en"));
            Assert.That(m.Description, Is.EqualTo("A story about a dependable light."));
            Assert.That(m.PublishedTime, Does.StartWith("2024-03-05"));
            Assert.That(m.CanonicalUrl, Is.EqualTo("https://example.org/lighthouse"));
            Assert.That(m.FaviconUrl, Is.EqualTo(Server.Url("/icon.png").AbsoluteUri));
            Assert.That(m.FinalUrl, Is.EqualTo(Server.Url("/article").AbsoluteUri));
            Assert.That(m.HttpStatus, Is.EqualTo(200));
            Assert.That(m.PageKind, Is.EqualTo("html"));
            Assert.That(m.ContentBytes, Is.EqualTo(Encoding.UTF8.GetByteCount(Fixtures.ArticlePage("/red.png"))));
            Assert.That(m.ContentHash, Has.Length.EqualTo(64));
            Assert.That(m.IsChallengeOrError, Is.False);
        });
        Assert.That(_article.Bytes(ArtifactKinds.Favicon), Is.EqualTo(Fixtures.BluePng));
    }

    [Test]
    public void Article_text_and_reader_view_hold_the_body_without_navigation()
    {
        var text = _article.Text(ArtifactKinds.ArticleText);
        Assert.That(text, Does.Contain(Fixtures.ArticleBody));
        Assert.That(text, Does.Not.Contain("About"), "navigation is not article text");
        Assert.That(_article.Result.ArticleText, Is.EqualTo(text));
        var reader = _article.Text(ArtifactKinds.ArticleHtml);
        Assert.That(reader, Does.Contain("dependable as the tides"));
        Assert.That(reader, Does.Contain("<meta charset=\"utf-8\">"));
    }

    [Test]
    public async Task Lazy_image_is_in_the_screenshot_and_the_pdf()
    {
        var red = await CountPixelsAsync(_article.Bytes(ArtifactKinds.Screenshot), 255, 0, 0);
        Assert.That(red, Is.GreaterThan(300 * 300 * 9 / 10), "the 300×300 lazy red image far below the fold is rendered");
        var blue = await CountPixelsAsync(_article.Bytes(ArtifactKinds.Screenshot), 0, 0, 255);
        Assert.That(blue, Is.GreaterThan(200 * 200 * 9 / 10), "the data-src image is loaded too");
        var pdf = Encoding.Latin1.GetString(_article.Bytes(ArtifactKinds.Pdf));
        Assert.That(pdf, Does.StartWith("%PDF-"));
        Assert.That(pdf, Does.Contain("/Subtype /Image"), "the lazy image is embedded in the PDF");
        Assert.That(Encoding.ASCII.GetString(_article.Bytes(ArtifactKinds.Thumbnail), 8, 4), Is.EqualTo("WEBP"));
    }

    [Test]
    public async Task Saved_html_opens_offline_with_zero_requests_and_shows_the_content()
    {
        await using var view = await OpenOfflineAsync(_article.PathOf(ArtifactKinds.Html));
        var body = await view.Page.InnerTextAsync("body");
        Assert.That(body, Does.Contain("dependable as the tides"));
        Assert.That(body, Does.Contain("Added by script"), "the copy is the rendered DOM");
        Assert.That(await view.Page.EvaluateAsync<int>("() => document.getElementById('lazy').naturalWidth"), Is.GreaterThan(0), "lazy image inlined");
        Assert.That(await view.Page.EvaluateAsync<int>("() => document.getElementById('datasrc').naturalWidth"), Is.GreaterThan(0), "data-src image inlined");
        Assert.That(await view.Page.EvaluateAsync<int>("() => document.scripts.length"), Is.Zero, "scripts removed");
        Assert.That(view.Attempted, Is.Empty, "the saved copy makes no request");
    }

    [Test]
    public async Task As_seen_capture_renders_the_sent_dom_without_running_its_scripts()
    {
        Server.MapHtml("/tab", "<html><body><p>What the server would send</p></body></html>");
        const string dom = """
            <html><head><title>My inbox</title></head><body>
            <p>Only in the user's logged-in tab: three unread letters.</p>
            <img src="/red.png" width="50" height="50">
            <script>document.body.insertAdjacentHTML('beforeend', '<p>SCRIPT RAN</p>');</script>
            </body></html>
            """;
        var captured = await CaptureAsync(Server.Url("/tab"), CaptureMode.AsSeen, dom);
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
        Assert.That(captured.Result.Metadata.Title, Is.EqualTo("My inbox"));
        var text = captured.Text(ArtifactKinds.ArticleText);
        Assert.That(text, Does.Contain("three unread letters"));
        Assert.That(text, Does.Not.Contain("What the server would send"));
        Assert.That(text, Does.Not.Contain("SCRIPT RAN"));
        Assert.That(await CountPixelsAsync(captured.Bytes(ArtifactKinds.Screenshot), 255, 0, 0), Is.GreaterThan(2000), "subresources load from the network");
        Assert.That(Server.Requests, Does.Not.Contain("/tab"), "the main document is the sent DOM, not fetched");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_spare_context_is_made_after_a_capture_and_the_next_capture_uses_it()
    {
        await using var engine = CreateEngine();
        Server.MapHtml("/first", "<p>first page</p>");
        Server.MapHtml("/second", "<p>second page</p>");
        await CaptureAsync(Server.Url("/first"), engine: engine);

        using var lease = await engine.Browsers.AcquireAsync(CancellationToken.None);
        // The capture's own context closes in the background; the spare is the one left, on a blank page.
        var spare = await Eventually.ValueAsync(
            () => Task.FromResult(lease.Browser.Contexts is [var only] && only.Pages is [{ Url: "about:blank" }] ? only : null),
            context => context is not null, TimeSpan.FromSeconds(20), _ => "a blank spare context waiting for the next capture");
        var used = new TaskCompletionSource();
        spare!.Close += (_, _) => used.TrySetResult();
        var second = await CaptureAsync(Server.Url("/second"), engine: engine);
        Assert.That(second.Result.ArticleText, Does.Contain("second page"));
        await used.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That(lease.Browser.Contexts, Does.Not.Contain(spare), "the second capture ran in the spare and closed it");
    }

    [Test]
    public async Task Script_sending_the_tab_to_an_unreachable_address_does_not_replace_the_page()
    {
        // Ad-block recovery and host-check scripts do this when their hosts do not answer.
        Server.MapHtml("/leaves", """
            <html><head><title>Staying put</title></head><body><p>The article the user wanted to keep.</p>
            <script>addEventListener('load', () => { location.href = 'http://127.0.0.1:1/gone'; });</script></body></html>
            """);
        var captured = await CaptureAsync(Server.Url("/leaves"));
        Assert.That(captured.Result.Metadata.Title, Is.EqualTo("Staying put"));
        Assert.That(captured.Text(ArtifactKinds.ArticleText), Does.Contain("The article the user wanted to keep."));
        Assert.That(File.ReadAllText(captured.PathOf(ArtifactKinds.Html)), Does.Contain("The article the user wanted to keep."));
    }

    [Test]
    public async Task Client_side_redirect_to_a_page_that_answers_is_followed()
    {
        Server.MapHtml("/moved", "<html><head><title>Moved</title><script>location.replace('/moved-here');</script></head><body><p>Redirecting…</p></body></html>");
        Server.MapHtml("/moved-here", "<html><head><title>New home</title></head><body><p>The page now lives here.</p></body></html>");
        var captured = await CaptureAsync(Server.Url("/moved"));
        Assert.That(File.ReadAllText(captured.PathOf(ArtifactKinds.Html)), Does.Contain("The page now lives here."));
        Assert.That(captured.Text(ArtifactKinds.ArticleText), Does.Contain("The page now lives here."));
    }

    [TestCase(404, "Not Found")]
    [TestCase(500, "Internal Server Error")]
    public async Task Http_error_pages_are_captured_and_partial(int status, string phrase)
    {
        Server.MapHtml($"/error{status}", $"<html><head><title>Oops</title></head><body><h1>Server says {status}</h1></body></html>", status);
        var captured = await CaptureAsync(Server.Url($"/error{status}"));
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Partial));
        Assert.That(captured.Result.Reason, Does.StartWith($"HTTP {status} {phrase}"));
        Assert.That(captured.Result.Metadata.HttpStatus, Is.EqualTo(status));
        Assert.That(captured.Result.Metadata.IsChallengeOrError, Is.True);
        Assert.That(captured.Text(ArtifactKinds.ArticleText), Does.Contain($"Server says {status}"), "what the server returned is kept");
    }

    [Test]
    public async Task Cloudflare_style_challenge_is_marked_partial()
    {
        Server.MapHtml("/challenge", """
            <html><head><title>Just a moment...</title></head>
            <body><div id="challenge-running">Checking your browser before accessing example.org.</div>
            <p>Verify you are human by completing the action below.</p></body></html>
            """);
        var captured = await CaptureAsync(Server.Url("/challenge"));
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Partial));
        Assert.That(captured.Result.Metadata.IsChallengeOrError, Is.True);
        Assert.That(captured.Result.Reason, Does.Contain("challenge"));
    }
}
