using LinkSnap.Core.Capture;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>
/// Issue 18 item 5: a page whose load event never fires, because a script and a stylesheet in its
/// head never answer, still gives its text. The parser is blocked on the script, so the live DOM has
/// no body: the article comes from the fetched document, and the capture ends partial with the
/// reason, a screenshot and a copy.
/// </summary>
[Category(TestCategories.TimingSensitive)]
[TestFixture]
public sealed class StalledLoadTests : CaptureTestBase
{
    private const string Paragraph = "The ferry to the outer islands left at dawn with forty passengers, three cars and the winter mail, as it has every Tuesday since the harbour was built.";

    protected override void Configure(CaptureOptions options)
    {
        // Also the browser launch bound: a loaded machine needs more than a few seconds to start Chromium.
        options.NavigationTimeout = TimeSpan.FromSeconds(8);
        options.SettleTimeout = TimeSpan.FromSeconds(3);
    }

    [Test]
    public async Task A_page_whose_subresources_never_answer_ends_partial_with_its_article()
    {
        // Accepts the request and never answers, like a host that is routed but never responds.
        Server.Map("/never.js", ctx => Task.Delay(Timeout.Infinite, ctx.RequestAborted));
        Server.Map("/never.css", ctx => Task.Delay(Timeout.Infinite, ctx.RequestAborted));
        Server.MapHtml("/stalled", $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Winter ferry - Island Post</title>
            <meta property="og:site_name" content="Island Post">
            <link rel="stylesheet" href="/never.css"><script src="/never.js"></script></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>Winter ferry</h1><p class="byline">By Ruth Calder</p>
            <p>{Paragraph}</p>
            <p>The crossing took two hours longer than usual because of the swell, and the captain held the ship at the harbour mouth until the tide turned.</p>
            <p>Islanders met the boat with tea and a brass band, as they do on the first crossing after the storms.</p></article></body></html>
            """);

        var captured = await CaptureAsync(Server.Url("/stalled"));

        Assert.Multiple(() =>
        {
            Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Partial), captured.Result.Reason);
            Assert.That(captured.Result.Reason, Does.Contain("did not finish loading"));
            Assert.That(captured.Text(ArtifactKinds.ArticleText), Does.Contain(Paragraph));
            Assert.That(captured.Text(ArtifactKinds.ArticleText), Does.Not.Contain("Home News"), "the article, not the whole page");
            Assert.That(captured.Artifact(ArtifactKinds.Screenshot).Status, Is.EqualTo(ArtifactStatus.Ok));
            Assert.That(captured.Artifact(ArtifactKinds.Html).Status, Is.EqualTo(ArtifactStatus.Ok));
            Assert.That(captured.Result.Metadata.Title, Is.EqualTo("Winter ferry"));
            Assert.That(captured.Result.Metadata.Byline, Is.EqualTo("Ruth Calder"));
        });
    }
}
