using System.Diagnostics;
using Microsoft.Playwright;

namespace LinkSnap.Testing;

/// <summary>
/// Renders a page the same way for the reference and for saved copies: fixed 1280×800 viewport,
/// every host but the allowed origin unreachable, bounded waits (Instagram reloads forever),
/// lazy content scrolled into view, then a full-page screenshot and document.body.innerText.
/// </summary>
public static class PageRenderer
{
    public const int ViewportWidth = 1280;
    public const int ViewportHeight = 800;

    /// <summary>
    /// Loads <paramref name="url"/>. Requests to <paramref name="allowedOrigin"/> go through; with
    /// <paramref name="allowOnlyDocument"/> only the document itself does (a saved copy must need nothing else).
    /// Every other request is aborted and counted.
    /// </summary>
    public static async Task<PageRendering> RenderAsync(IBrowser browser, Uri url, bool allowOnlyDocument, CancellationToken cancellationToken)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = ViewportWidth, Height = ViewportHeight },
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        var blocked = new List<string>();
        var origin = url.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync("**/*", async route =>
        {
            var requestUrl = route.Request.Url;
            var allowed = allowOnlyDocument
                ? requestUrl == url.AbsoluteUri && route.Request.IsNavigationRequest
                : requestUrl.StartsWith(origin + "/", StringComparison.Ordinal);
            if (allowed)
            {
                await route.ContinueAsync();
                return;
            }

            lock (blocked)
            {
                blocked.Add(requestUrl);
            }

            await route.AbortAsync("blockedbyclient");
        });

        var page = await context.NewPageAsync();
        string? error = null;
        try
        {
            await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 20_000 });
            await SettleAsync(page.MainFrame);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            error = e.Message.Split('\n')[0];
        }

        cancellationToken.ThrowIfCancellationRequested();
        var screenshot = await RetryAsync(() => page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Timeout = 20_000 }));
        var text = await RetryAsync(() => page.EvaluateAsync<string>("() => document.body ? document.body.innerText : ''"));
        lock (blocked)
        {
            return new PageRendering(screenshot ?? [], text ?? "", blocked.Count, blocked.Take(10).ToList(), error);
        }
    }

    /// <summary>Network idle (bounded), lazy content scrolled into view, back to the top, idle again.</summary>
    public static async Task SettleAsync(IFrame page)
    {
        await IdleAsync(page, 3_000);
        await page.EvaluateAsync(@"async () => {
            document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager');
            const step = innerHeight;
            for (let y = 0; y < document.documentElement.scrollHeight && y < 30000; y += step) {
                scrollTo(0, y);
                await new Promise(r => setTimeout(r, 30));
            }
            scrollTo(0, 0);
        }");
        await IdleAsync(page, 2_000);
    }

    private static async Task IdleAsync(IFrame page, int timeoutMs)
    {
        try
        {
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new FrameWaitForLoadStateOptions { Timeout = timeoutMs });
        }
        catch (TimeoutException)
        {
            // A page that never goes idle is rendered as it stands; the bound is the point.
        }
    }

    /// <summary>A page that navigates itself (Instagram) can destroy the context mid-call; try again a few times.</summary>
    public static async Task<T?> RetryAsync<T>(Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await action();
            }
            catch (PlaywrightException) when (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(200);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                return default;
            }
        }
    }
}
