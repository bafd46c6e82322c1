using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace LinkSnap.Testing;

/// <summary>
/// Webrecorder's ReplayWeb.page served from one loopback server with the WACZ files to replay, and
/// a way to render a replayed page like <see cref="PageRenderer"/> renders a live one: 1280×800,
/// every other host unreachable, then a full-page screenshot of the replayed page alone (no replay
/// chrome). The replayed document stays framed (wombat sends a top-level replay frame back to the
/// replay UI), so it is shown in a bare iframe that is grown to the document's height.
/// </summary>
public sealed class ReplayViewer : IAsyncDisposable
{
    private readonly FixtureServer _server;

    private ReplayViewer(FixtureServer server) => _server = server;

    public Uri Origin => _server.BaseUri;

    /// <summary>Serves ReplayWeb.page's files from <paramref name="uiFolder"/> (see <see cref="ReplayWebPage.InstallAsync"/>).</summary>
    public static async Task<ReplayViewer> StartAsync(string uiFolder)
    {
        var server = await FixtureServer.StartAsync();
        server.MapDirectory("/replay", uiFolder);
        server.Map("/embed", context => HtmlAsync(context, $"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><script src="/replay/ui.js"></script></head>
            <body style="margin:0"><replay-web-page source="{Attribute(context, "source")}" url="{Attribute(context, "url")}" replayBase="/replay/" embed="replayonly"
              style="display:block;width:{PageRenderer.ViewportWidth}px;height:{PageRenderer.ViewportHeight}px"></replay-web-page></body></html>
            """));
        server.Map("/frame", context => HtmlAsync(context, $"""
            <!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
            <iframe id="replayed" src="{Attribute(context, "src")}" style="display:block;border:0;width:{PageRenderer.ViewportWidth}px;height:{PageRenderer.ViewportHeight}px"></iframe>
            </body></html>
            """));
        return new ReplayViewer(server);
    }

    /// <summary>Serves a WACZ (with range requests, as replay tools read it) at /archives/<paramref name="name"/>.wacz.</summary>
    public Uri AddArchive(string name, string waczPath)
    {
        var path = $"/archives/{name}.wacz";
        _server.Map(path, context => Results.File(waczPath, "application/wacz+zip", enableRangeProcessing: true).ExecuteAsync(context));
        return _server.Url(path);
    }

    /// <summary>
    /// Replays <paramref name="pageUrl"/> from <paramref name="archive"/> in a fresh context of
    /// <paramref name="browser"/>; null screenshot when the replay never showed the page within <paramref name="bound"/>.
    /// </summary>
    public async Task<PageRendering> RenderAsync(IBrowser browser, Uri archive, string pageUrl, TimeSpan bound, CancellationToken cancellationToken)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = PageRenderer.ViewportWidth, Height = PageRenderer.ViewportHeight },
        });
        var blocked = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(Origin.AbsoluteUri, StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            lock (blocked)
            {
                blocked.Add(route.Request.Url);
            }

            await route.AbortAsync("blockedbyclient");
        });

        var ui = await context.NewPageAsync();
        await ui.GotoAsync(_server.Url($"/embed?source={Uri.EscapeDataString(archive.AbsoluteUri)}&url={Uri.EscapeDataString(pageUrl)}").AbsoluteUri);
        var replayUrl = await WaitForReplayFrameAsync(ui, bound, cancellationToken);
        if (replayUrl is null)
        {
            return new PageRendering([], "", blocked.Count, blocked.Take(10).ToList(), "ReplayWeb.page never showed the page; frames: " + string.Join(", ", ui.Frames.Select(f => f.Url)));
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync(_server.Url($"/frame?src={Uri.EscapeDataString(replayUrl)}").AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 30_000 });
        var frame = await (await page.QuerySelectorAsync("#replayed"))!.ContentFrameAsync() ?? throw new InvalidOperationException("the replay frame has no document");
        await PageRenderer.SettleAsync(frame);
        var height = await frame.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)");
        await page.EvaluateAsync("h => { document.getElementById('replayed').style.height = h + 'px'; return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); }", height);
        var screenshot = await PageRenderer.RetryAsync(() => page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Timeout = 20_000 }));
        var text = await PageRenderer.RetryAsync(() => frame.EvaluateAsync<string>("() => document.body ? document.body.innerText : ''"));
        lock (blocked)
        {
            return new PageRendering(screenshot ?? [], text ?? "", blocked.Count, blocked.Take(10).ToList(), null);
        }
    }

    /// <summary>The URL of ReplayWeb.page's frame holding the replayed document ("…mp_/…"), once it has loaded.</summary>
    private static async Task<string?> WaitForReplayFrameAsync(IPage ui, TimeSpan bound, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var frame in ui.Frames.Where(f => f.Url.Contains("mp_/", StringComparison.Ordinal)))
            {
                try
                {
                    if (await frame.EvaluateAsync<bool>("() => document.readyState === 'complete' && !!document.body"))
                    {
                        return frame.Url;
                    }
                }
                catch (PlaywrightException)
                {
                    // The frame navigated or went away while being read: look again.
                }
            }

            await ui.WaitForTimeoutAsync(250);
        }

        return null;
    }

    private static Task HtmlAsync(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html);
    }

    private static string Attribute(HttpContext context, string name) => HtmlEncoder.Default.Encode(context.Request.Query[name].ToString());

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
