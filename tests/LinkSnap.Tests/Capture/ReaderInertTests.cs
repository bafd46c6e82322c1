using System.Collections.Concurrent;
using LinkSnap.Core.Capture;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>
/// The reader file (article.html) is opened from disk by people and travels in exports: it must be as
/// inert as the saved copy. A hostile article full of handlers, script URLs, template scripts, ping and
/// remote media is captured by the real engine; its article.html, opened from file:// in real Chromium,
/// runs no script and makes no request, and keeps the article's text and the picture the page showed.
/// </summary>
[TestFixture]
public sealed class ReaderInertTests : CaptureTestBase
{
    private const string Story =
        "The lighthouse keeper counted the ships that passed the point every night for forty years, and wrote each one down in a ledger.";

    private Captured _captured = null!;

    [OneTimeSetUp]
    public async Task CaptureHostileArticleAsync()
    {
        Server.MapContent("/shown.png", "image/png", Fixtures.BluePng);
        Server.MapHtml("/hostile", HostilePage(Server.Url("/").AbsoluteUri.TrimEnd('/')));
        _captured = await CaptureAsync(Server.Url("/hostile"));
        Assert.That(_captured.Result.Outcome, Is.AnyOf(CaptureOutcome.Done, CaptureOutcome.Partial), _captured.Result.Reason);
    }

    [Test]
    public async Task Article_html_opened_from_file_runs_no_script_and_makes_no_request()
    {
        var path = _captured.PathOf(ArtifactKinds.ArticleHtml);
        var requests = new ConcurrentBag<string>();
        var context = await (await ViewerAsync()).NewContextAsync(new BrowserNewContextOptions { ServiceWorkers = ServiceWorkerPolicy.Block });
        try
        {
            context.Request += (_, request) =>
            {
                if (request.Url != new Uri(path).AbsoluteUri)
                {
                    requests.Add(request.Url);
                }
            };
            var address = new Uri(path).AbsoluteUri;
            await context.RouteAsync("**/*", route => route.Request.Url == address ? route.ContinueAsync() : route.AbortAsync());
            var page = await context.NewPageAsync();
            await page.GotoAsync(address, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            foreach (var link in await page.QuerySelectorAllAsync("a"))
            {
                await link.ClickAsync(new ElementHandleClickOptions { Modifiers = [KeyboardModifier.Alt], Timeout = 2000, Force = true });
            }

            // Two frames after load: handlers of loads that failed have run by then.
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            var ran = await page.EvaluateAsync<string>("() => String(window.__ran ?? '')");

            Assert.Multiple(() =>
            {
                Assert.That(requests, Is.Empty, "requests made by article.html");
                Assert.That(ran, Does.Not.Contain("pwned"), "a script of the article ran");
            });
            Assert.That(await page.InnerTextAsync("body"), Does.Contain(Story));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Test]
    public void Article_html_keeps_no_live_markup_and_inlines_the_picture_the_page_showed()
    {
        var reader = _captured.Text(ArtifactKinds.ArticleHtml);
        Assert.Multiple(() =>
        {
            Assert.That(reader, Does.Contain("http-equiv=\"Content-Security-Policy\""));
            Assert.That(reader, Does.Contain("default-src 'none'"));
            Assert.That(reader, Does.Not.Contain("onerror").And.Not.Contain("onload").And.Not.Contain("onclick"));
            Assert.That(reader, Does.Not.Contain("javascript:").And.Not.Contain("<script").And.Not.Contain("ping="));
            Assert.That(reader, Does.Not.Contain("/never.png").And.Not.Contain("/poster.png").And.Not.Contain("/clip.mp3").And.Not.Contain("/big.png"));
            Assert.That(reader, Does.Contain("src=\"data:image/png;base64,"), "the picture the page displayed is inlined");
        });
    }

    private static string HostilePage(string origin) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>The keeper's ledger</title></head>
        <body>
          <article>
            <h1>The keeper's ledger</h1>
            <p>{{Story}}</p>
            <p>He wrote down the name of every ship, the hour it passed, the weather and the state of the sea, in a careful hand that never changed.</p>
            <img src="/shown.png" width="300" height="150" alt="The point" onload="window.__ran='pwned-onload'">
            <img src="/never.png" alt="broken" onerror="window.__ran='pwned-onerror';fetch('{{origin}}/beacon/onerror')">
            <img srcset="/big.png 2x, /never.png 1x" alt="set">
            <p>When the light was automated, the ledger went to the harbour museum, where visitors can read the entries from the great storm of 1953.</p>
            <svg width="20" height="20" onload="window.__ran='pwned-svg'"><image href="/never.png" width="20" height="20"/><circle cx="10" cy="10" r="5"/></svg>
            <p><a href="javascript:window.__ran='pwned-link'">the museum</a> and <a href="/museum" ping="/beacon/ping" onclick="window.__ran='pwned-click'">opening hours</a>.</p>
            <template><script>window.__ran='pwned-template'</script><p>template</p></template>
            <video poster="/poster.png" src="/clip.mp4" controls></video>
            <audio src="/clip.mp3" controls></audio>
            <p>The museum keeps the ledger open at the page for the night of the storm, when eleven ships sheltered behind the point until morning.</p>
            <p>Every year on that night the town reads the names of the ships aloud at the foot of the lighthouse, and the keeper's grandson reads the last one.</p>
          </article>
        </body>
        </html>
        """;
}
