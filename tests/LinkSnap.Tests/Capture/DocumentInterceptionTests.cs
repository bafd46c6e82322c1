using LinkSnap.Core.Capture;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>
/// Captures as the daemon runs them in the other test projects: private targets allowed and no test
/// request filter, so the checking proxy passes everything and only documents are paused (CDP).
/// Every page is on loopback: nothing here reaches the internet.
/// </summary>
[TestFixture]
public sealed class DocumentInterceptionTests : CaptureTestBase
{
    protected override void Configure(CaptureOptions options)
    {
        options.RequestFilterForTests = null;
        options.SettleTimeout = TimeSpan.FromSeconds(3);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Page_and_its_subresources_are_captured_without_routing_each_request()
    {
        Server.MapContent("/red.png", "image/png", Fixtures.RedPng);
        Server.MapHtml("/plain", """
            <html lang="en"><head><title>Plain page</title></head>
            <body><h1>Plain page</h1><p>Loaded with only its document intercepted.</p>
            <img id="red" src="/red.png" width="300" height="300" loading="lazy" style="margin-top:1500px"></body></html>
            """);

        var captured = await CaptureAsync(Server.Url("/plain"));

        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
        Assert.That(captured.Result.Metadata.Title, Is.EqualTo("Plain page"));
        var red = await CountPixelsAsync(captured.Bytes(ArtifactKinds.Screenshot), 255, 0, 0);
        Assert.That(red, Is.GreaterThan(300 * 300 * 9 / 10), "the lazy image below the fold is in the screenshot");
        await using var view = await OpenOfflineAsync(captured.PathOf(ArtifactKinds.Html));
        Assert.That(await view.Page.EvaluateAsync<int>("() => document.getElementById('red').naturalWidth"), Is.GreaterThan(0));
        Assert.That(view.Attempted, Is.Empty);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Client_side_redirect_to_a_page_that_answers_is_followed()
    {
        Server.MapHtml("/moved", "<html><head><title>Moved</title><script>location.replace('/moved-here');</script></head><body><p>Redirecting…</p></body></html>");
        Server.MapHtml("/moved-here", "<html><head><title>New home</title></head><body><p>The page now lives here.</p></body></html>");
        var captured = await CaptureAsync(Server.Url("/moved"));
        Assert.That(File.ReadAllText(captured.PathOf(ArtifactKinds.Html)), Does.Contain("The page now lives here."));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Page_that_reloads_forever_is_frozen_and_captured_partial()
    {
        Server.MapHtml("/reloading", "<html><head><title>Restless</title></head><body><p>This page reloads itself forever.</p>"
            + "<script>setTimeout(() => location.reload(), 200);</script></body></html>");
        var captured = await CaptureAsync(Server.Url("/reloading"));
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Partial));
        Assert.That(captured.Result.Reason, Does.Contain("did not settle"));
        Assert.That(captured.Text(ArtifactKinds.ArticleText), Does.Contain("This page reloads itself forever."));
        Assert.That(File.ReadAllText(captured.PathOf(ArtifactKinds.Html)), Does.Contain("This page reloads itself forever."));
    }
}
