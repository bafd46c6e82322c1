using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>
/// Loads the page and waits, bounded, until it is worth capturing: lazy images switched to eager
/// and decoded, network idle. A page that never gets there is frozen as it stands (no new
/// requests, no more script, loading stopped) and reported as unsettled.
/// </summary>
internal sealed class PageSettler(CaptureOptions options, TimeProvider time)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Navigates; returns a problem description or null. Only a crash or a dead browser throws.</summary>
    public async Task<string?> LoadAsync(IPage page, Uri url)
    {
        try
        {
            await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions
            {
                WaitUntil = WaitUntilState.Load,
                Timeout = (float)options.NavigationTimeout.TotalMilliseconds,
            });
            return null;
        }
        catch (TimeoutException)
        {
            return $"The page did not finish loading within {options.NavigationTimeout.TotalSeconds:0} s";
        }
        catch (PlaywrightException e) when (!page.IsClosed && e.Message.Contains("interrupted by another navigation", StringComparison.Ordinal))
        {
            return "The page kept navigating while loading";
        }
    }

    /// <summary>True when the page settled within <paramref name="budget"/>.</summary>
    public async Task<bool> SettleAsync(IPage page, NetworkQuiet network, TimeSpan budget)
    {
        var start = time.GetTimestamp();
        TimeSpan Left()
        {
            var left = budget - time.GetElapsedTime(start);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        while (Left() > TimeSpan.Zero)
        {
            try
            {
                await page.EvaluateAsync<int>(PageScripts.MakeImagesEager, Quality.QualityScript.LazyImageAttributes).WaitAsync(Left(), time);
                while (!await page.EvaluateAsync<bool>(PageScripts.ImagesComplete).WaitAsync(Left(), time))
                {
                    await Task.Delay(Poll, time);
                }

                if (!await WaitForNetworkQuietAsync(page, network, Left()))
                {
                    break;
                }

                // Network idle can come before images that the eager switch started; check once more.
                if (await page.EvaluateAsync<bool>(PageScripts.ImagesComplete).WaitAsync(Left(), time))
                {
                    return true;
                }
            }
            catch (TimeoutException)
            {
                break;
            }
            catch (PlaywrightException e) when (IsNavigationRace(e))
            {
                // The page navigated (or reloaded) under us: start over on the new document, within the same budget.
                await Task.Delay(Poll, time);
            }
        }

        return false;
    }

    /// <summary>
    /// The page's own quiet window (<see cref="NetworkQuiet"/>), or Playwright's NetworkIdle if that
    /// comes first: the fallback keeps a request whose end the page never reported from holding
    /// the capture until the settle deadline.
    /// </summary>
    private async Task<bool> WaitForNetworkQuietAsync(IPage page, NetworkQuiet network, TimeSpan bound)
    {
        var quiet = network.WaitAsync(NetworkQuiet.Window, bound);
        var idle = page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = (float)Math.Max(1, bound.TotalMilliseconds) });
        _ = idle.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        if (await Task.WhenAny(quiet, idle) == quiet)
        {
            return await quiet;
        }

        await idle;
        return true;
    }

    /// <summary>Stops the page where it stands: no new requests (router), no more script, loading stopped.</summary>
    public static async Task FreezeAsync(IPage page, PageRouter router, ICDPSession cdp)
    {
        await router.FreezeAsync();
        await cdp.SendAsync("Emulation.setScriptExecutionDisabled", new() { ["value"] = true });

        // Let the current document finish parsing (its bytes are already here and scripts are off),
        // then stop what is still loading; stopping first could leave a half-parsed, empty document.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = 2000 });
                break;
            }
            catch (Exception e) when (e is TimeoutException || (e is PlaywrightException p && IsNavigationRace(p)))
            {
                // A navigation was in flight when the router froze; it is aborted, so look again.
            }
        }

        await StopLoadingAsync(cdp, () => Task.Delay(Poll));
    }

    /// <summary>
    /// A navigation that commits as the page freezes (one held until load and started again then,
    /// decision 040) swaps the page's document host: for a moment the session still points at the
    /// old one, which is on its way out, and Chromium answers "Not attached to an active page"
    /// (seen in CI on a loaded machine). The session moves to the new document by itself, so the
    /// stop is sent again; if the swap never settles, the page is left as it is: the frozen router
    /// already fails every request, so nothing more can load.
    /// </summary>
    internal static async Task StopLoadingAsync(ICDPSession cdp, Func<Task> pause, int attempts = 20)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await cdp.SendAsync("Page.stopLoading");
                return;
            }
            catch (PlaywrightException e) when (IsDocumentSwap(e))
            {
                if (attempt == attempts)
                {
                    return;
                }

                await pause();
            }
        }
    }

    private static bool IsDocumentSwap(PlaywrightException e) =>
        e.Message.Contains("Not attached to an active page", StringComparison.Ordinal);

    /// <summary>
    /// A frozen page whose parser still waits on a script or stylesheet that never arrives (a host
    /// that accepts the connection and never answers: its load event never fires) has no body to
    /// show, and the pending stylesheet keeps Chromium from painting at all, so even the screenshot
    /// would time out. Such a page is given the document it was sent, with its scripts off and the
    /// router frozen (no new requests), so that screenshot, copy and article show what was fetched.
    /// </summary>
    public static async Task ShowFetchedIfBlankAsync(IPage page, ICDPSession cdp, string html)
    {
        try
        {
            var blank = await page.EvaluateAsync<bool>("() => !document.body || document.body.innerText.trim() === ''").WaitAsync(TimeSpan.FromSeconds(5));
            if (!blank)
            {
                return;
            }

            var tree = await cdp.SendAsync("Page.getFrameTree");
            var frameId = tree?.GetProperty("frameTree").GetProperty("frame").GetProperty("id").GetString();
            if (frameId is not null)
            {
                await cdp.SendAsync("Page.setDocumentContent", new() { ["frameId"] = frameId, ["html"] = html });
            }
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or KeyNotFoundException or InvalidOperationException)
        {
            // The page stays as it stood; the article still comes from the fetched document.
        }
    }

    public static bool IsNavigationRace(PlaywrightException e) =>
        e.Message.Contains("Execution context was destroyed", StringComparison.Ordinal)
        || e.Message.Contains("navigation", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("Cannot find context", StringComparison.Ordinal);
}
