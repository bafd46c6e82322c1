using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>
/// Hands out a fresh browser context with one blank page per capture. For fresh captures one
/// spare is prepared in the background while the current capture runs, so the next one does not
/// wait for Chromium to create it (0.3 s on an idle machine, seconds under load). A spare is never
/// used twice, and one left on a browser that closed or crashed is dropped.
/// </summary>
internal sealed class WarmContexts(Func<CaptureMode, BrowserNewContextOptions> optionsFor)
{
    private readonly Lock _lock = new();
    private (IBrowser Browser, Task<(IBrowserContext Context, IPage Page)> Ready)? _spare;

    public async Task<(IBrowserContext Context, IPage Page)> TakeAsync(IBrowser browser, CaptureMode mode)
    {
        if (mode != CaptureMode.Fresh)
        {
            return await CreateAsync(browser, mode);
        }

        Task<(IBrowserContext Context, IPage Page)>? spare = null;
        lock (_lock)
        {
            if (_spare is { } s && ReferenceEquals(s.Browser, browser))
            {
                spare = s.Ready;
            }

            var next = PrepareAsync(browser);
            _ = next.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            _spare = (browser, next);
        }

        if (spare is not null && browser.IsConnected)
        {
            try
            {
                var (context, page) = await spare.WaitAsync(TimeSpan.FromSeconds(10));
                if (!page.IsClosed)
                {
                    return (context, page);
                }
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // The spare did not make it (browser closing, crash): make one now.
            }
        }

        return await CreateAsync(browser, mode);
    }

    private async Task<(IBrowserContext, IPage)> PrepareAsync(IBrowser browser)
    {
        // Let the capture that took the previous spare get its own requests to Chromium out first.
        await Task.Yield();
        return await CreateAsync(browser, CaptureMode.Fresh);
    }

    private async Task<(IBrowserContext, IPage)> CreateAsync(IBrowser browser, CaptureMode mode)
    {
        var context = await browser.NewContextAsync(optionsFor(mode));
        try
        {
            return (context, await context.NewPageAsync());
        }
        catch (PlaywrightException)
        {
            await CloseQuietlyAsync(context);
            throw;
        }
    }

    /// <summary>
    /// Closes a context, bounded. Runs after the capture returned (nobody waits for it), so any
    /// failure only means the context is gone already: a crashed page, a closed browser or driver.
    /// </summary>
    public static async Task CloseQuietlyAsync(IBrowserContext context)
    {
        try
        {
            await context.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception)
        {
            // Gone either way.
        }
    }
}
