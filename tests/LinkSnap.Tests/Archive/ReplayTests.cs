using LinkSnap.Core.Capture;
using LinkSnap.Testing;
using LinkSnap.Tests.Capture;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Tests.Archive;

/// <summary>
/// ReplayWeb.page (Webrecorder's, served from loopback with its service worker, in headless
/// Chromium with every other request blocked) replays a captured archive.wacz: text, images and
/// styles come from the archive.
/// </summary>
[TestFixture]
public sealed class ReplayTests : CaptureTestBase
{
    [Test]
    public async Task ReplayWeb_page_replays_the_captured_page_from_the_archive_alone()
    {
        Server.MapHtml("/replay-me", """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Replayed Lighthouse</title>
            <link rel="stylesheet" href="/replay-style.css"></head>
            <body><h1>Replayed Lighthouse</h1><p>The keeper polished the great lens every evening.</p>
            <img id="red" src="/replay-red.png" width="8" height="8"></body></html>
            """);
        Server.MapContent("/replay-style.css", "text/css", "body { background: rgb(0, 0, 255); }"u8.ToArray());
        Server.MapContent("/replay-red.png", "image/png", Fixtures.RedPng);
        var captured = await CaptureAsync(Server.Url("/replay-me"));
        var wacz = captured.PathOf(ArtifactKinds.Wacz);
        var pageUrl = Server.Url("/replay-me").AbsoluteUri;
        var served = Server.Requests.Count;

        var ui = await ArchiveTools.ReplayWebPageAsync();
        await using var replay = await FixtureServer.StartAsync();
        replay.MapDirectory("/replay", ui);
        replay.Map("/archive.wacz", ctx => Results.File(wacz, "application/wacz+zip", enableRangeProcessing: true).ExecuteAsync(ctx));
        replay.MapHtml("/", $"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><script src="/replay/ui.js"></script></head>
            <body style="margin:0"><replay-web-page source="/archive.wacz" url="{pageUrl}" replayBase="/replay/" embed="replayonly"
              style="display:block;width:1200px;height:800px"></replay-web-page></body></html>
            """);

        var context = await (await ViewerAsync()).NewContextAsync();
        var blocked = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(replay.BaseUri.AbsoluteUri, StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            lock (blocked)
            {
                blocked.Add(route.Request.Url);
            }

            await route.AbortAsync();
        });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(replay.BaseUri.AbsoluteUri);
            var frame = await WaitForReplayAsync(page, "The keeper polished the great lens", TimeSpan.FromSeconds(90));
            Assert.That(frame, Is.Not.Null, "ReplayWeb.page showed the page's text; frames: " + string.Join(", ", page.Frames.Select(f => f.Url)));
            var image = await frame!.EvaluateAsync<int>("() => { const i = document.getElementById('red'); return i && i.complete ? i.naturalWidth : -1; }");
            var background = await frame.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
            Assert.Multiple(() =>
            {
                Assert.That(image, Is.EqualTo(8), "the image loaded from the archive");
                Assert.That(background, Is.EqualTo("rgb(0, 0, 255)"), "the stylesheet applied from the archive");
                Assert.That(Server.Requests.Count, Is.EqualTo(served), "replay asked the live site for nothing");
            });
            TestContext.Out.WriteLine("blocked during replay: " + string.Join(", ", blocked));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task<IFrame?> WaitForReplayAsync(IPage page, string text, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var frame in page.Frames)
            {
                try
                {
                    if ((await frame.EvaluateAsync<string?>("() => document.body ? document.body.innerText : null"))?.Contains(text, StringComparison.Ordinal) == true)
                    {
                        // Replay's own pages may quote the text; the replayed document holds the image.
                        if (await frame.EvaluateAsync<bool>("() => !!document.getElementById('red')"))
                        {
                            await frame.WaitForLoadStateAsync(LoadState.Load, new FrameWaitForLoadStateOptions { Timeout = 30_000 });
                            return frame;
                        }
                    }
                }
                catch (PlaywrightException)
                {
                    // The frame navigated or went away while being read: look again.
                }
            }

            await page.WaitForTimeoutAsync(250);
        }

        return null;
    }
}
