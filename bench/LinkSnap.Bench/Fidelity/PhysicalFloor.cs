using System.Diagnostics;
using LinkSnap.Testing;
using Microsoft.Playwright;

namespace LinkSnap.Bench.Fidelity;

/// <summary>
/// The least any tool could spend on a page (issue 12 §7): a fresh context in the already running
/// browser loads it (other origins fail at once, as LinkSnap's proxy makes them) and takes one
/// full-page screenshot. LinkSnap's time over this floor is what its own steps cost.
/// </summary>
public static class PhysicalFloor
{
    public static async Task<double> MeasureMsAsync(IBrowser browser, Uri url)
    {
        var clock = Stopwatch.StartNew();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = PageRenderer.ViewportWidth, Height = PageRenderer.ViewportHeight },
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        var origin = url.GetLeftPart(UriPartial.Authority) + "/";
        await context.RouteAsync("**/*", route => route.Request.Url.StartsWith(origin, StringComparison.Ordinal)
            ? route.ContinueAsync()
            : route.AbortAsync("namenotresolved"));
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            // A page whose load never fires is shot as it stands, as every tool has to.
        }

        await PageRenderer.RetryAsync(() => page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Timeout = 20_000 }));
        return clock.Elapsed.TotalMilliseconds;
    }
}
