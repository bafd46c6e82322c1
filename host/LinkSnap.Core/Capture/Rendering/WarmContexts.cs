using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>
/// Hands out a fresh browser context with one blank page per capture. For fresh captures one spare
/// is prepared in the background once a capture has finished, so the next one does not wait for
/// Chromium to create it (0.3 s on an idle machine, seconds under load). After the capture, not
/// during it: a new context starts a renderer process, which on two cores slowed the running
/// capture's page load (six fidelity sites three times each, 1.5 s apart: median capture 2.19 s
/// with the spare made at the start of each capture, 1.45 s with it made at the end; back to back,
/// the two come out even, as the next capture then waits for the spare). A spare is never used
/// twice, and one left on a browser that closed or crashed is dropped.
/// </summary>
internal sealed class WarmContexts(Func<CaptureMode, BrowserNewContextOptions> optionsFor, Func<bool> dismissConsent)
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

            _spare = null;
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

    /// <summary>Starts making the spare for the next fresh capture, unless one is ready or on its way.</summary>
    public void PrepareSpare(IBrowser browser)
    {
        lock (_lock)
        {
            if (!browser.IsConnected || (_spare is { } s && ReferenceEquals(s.Browser, browser)))
            {
                return;
            }

            var next = CreateAsync(browser, CaptureMode.Fresh);
            _ = next.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            _spare = (browser, next);
        }
    }

    private async Task<(IBrowserContext, IPage)> CreateAsync(IBrowser browser, CaptureMode mode)
    {
        var context = await browser.NewContextAsync(optionsFor(mode));
        try
        {
            if (mode == CaptureMode.Fresh)
            {
                await context.AddInitScriptAsync(PageScripts.HoldNavigationsUntilLoad);
                if (dismissConsent())
                {
                    await context.AddInitScriptAsync(Consent.ConsentScript.Install);
                }
            }

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
