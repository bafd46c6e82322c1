using LinkSnap.Core.Capture;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>
/// Settling waits for the page's own quiet network window (not a fixed wait): what a page's script
/// loads after the load event, in a chain of requests, is in every artifact.
/// </summary>
[TestFixture]
public sealed class SettleTests : CaptureTestBase
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Content_a_script_loads_after_the_load_event_is_in_every_artifact()
    {
        // load → 50 ms → fetch (answered after 300 ms) → image (answered after 300 ms): two requests in
        // a row, each started right after the previous one ended, all after the load event.
        Server.Map("/late.json", async ctx =>
        {
            await Task.Delay(300, ctx.RequestAborted);
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("""{"text":"Arrived after the load event."}""", ctx.RequestAborted);
        });
        Server.Map("/late.png", async ctx =>
        {
            await Task.Delay(300, ctx.RequestAborted);
            ctx.Response.ContentType = "image/png";
            await ctx.Response.Body.WriteAsync(Fixtures.BluePng, ctx.RequestAborted);
        });
        Server.MapHtml("/late", """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Late content</title></head>
            <body>
              <h1>Late content</h1>
              <div id="slot"></div>
              <script>
                addEventListener('load', () => setTimeout(async () => {
                  const data = await (await fetch('/late.json')).json();
                  const p = document.createElement('p');
                  p.textContent = data.text;
                  const img = document.createElement('img');
                  img.id = 'late';
                  img.width = 200;
                  img.height = 200;
                  img.src = '/late.png';
                  document.getElementById('slot').append(p, img);
                }, 50));
              </script>
            </body></html>
            """);

        var captured = await CaptureAsync(Server.Url("/late"));

        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done));
        Assert.That(captured.Text(ArtifactKinds.ArticleText), Does.Contain("Arrived after the load event."));
        var blue = await CountPixelsAsync(captured.Bytes(ArtifactKinds.Screenshot), 0, 0, 255);
        Assert.That(blue, Is.GreaterThan(200 * 200 * 9 / 10), "the late image is in the screenshot");
        await using var view = await OpenOfflineAsync(captured.PathOf(ArtifactKinds.Html));
        Assert.That(await view.Page.InnerTextAsync("body"), Does.Contain("Arrived after the load event."));
        Assert.That(await view.Page.EvaluateAsync<int>("() => document.getElementById('late').naturalWidth"), Is.GreaterThan(0), "the late image is inlined");
        Assert.That(view.Attempted, Is.Empty);
    }
}
