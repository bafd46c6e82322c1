using System.Collections.Concurrent;
using LinkSnap.Core.Capture.Inlining;
using LinkSnap.Testing;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Tests.Inlining;

/// <summary>
/// One Chromium for the inliner's browser tests: loads a live page and takes its MHTML the way the
/// capture engine does (lazy images made eager, CDP Page.captureSnapshot), and opens a saved copy
/// with every request refused and recorded.
/// </summary>
internal sealed class BrowserHarness : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly FixtureServer _copies;

    private BrowserHarness(IPlaywright playwright, IBrowser browser, FixtureServer copies)
    {
        _playwright = playwright;
        _browser = browser;
        _copies = copies;
    }

    public static async Task<BrowserHarness> StartAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LINKSNAP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/lib/chromium/chromium",
            Headless = true,
            Args = ["--disable-quic"],
        });
        return new BrowserHarness(playwright, browser, await FixtureServer.StartAsync());
    }

    /// <summary>
    /// Loads the page (only its own origin reachable) and returns its MHTML snapshot, the fonts it
    /// loaded (which MHTML leaves out) and its visible text.
    /// </summary>
    public async Task<(string Mhtml, IReadOnlyList<CapturedResource> Fonts, string Text)> CaptureAsync(Uri url)
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        var origin = url.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync("**/*", route => route.Request.Url.StartsWith(origin, StringComparison.Ordinal)
            ? route.ContinueAsync()
            : route.AbortAsync());
        var page = await context.NewPageAsync();
        var recorder = SubresourceRecorder.Attach(page);
        await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 20_000 });
        await page.EvaluateAsync("() => document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')");
        await page.WaitForFunctionAsync(
            "() => [...document.images].every(i => i.complete) && document.fonts.status === 'loaded'",
            null,
            new PageWaitForFunctionOptions { Timeout = 10_000 });
        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        await SnapshotPreparation.MarkCurrentSourcesAsync(page, CancellationToken.None);
        var cdp = await context.NewCDPSessionAsync(page);
        var snapshot = await cdp.SendAsync("Page.captureSnapshot", new Dictionary<string, object> { ["format"] = "mhtml" });
        var mhtml = snapshot!.Value.GetProperty("data").GetString()!;
        if (Environment.GetEnvironmentVariable("LINKSNAP_INLINER_DUMP") is { Length: > 0 } dump)
        {
            // For looking at what Chromium wrote when a test fails.
            Directory.CreateDirectory(dump);
            await File.WriteAllTextAsync(Path.Combine(dump, url.Port + ".mhtml"), mhtml);
        }

        var extra = await recorder.CollectAsync(mhtml, CancellationToken.None);
        if (Environment.GetEnvironmentVariable("LINKSNAP_INLINER_DUMP") is { Length: > 0 } dumpDir)
        {
            await File.WriteAllLinesAsync(Path.Combine(dumpDir, url.Port + ".extra.txt"), extra.Select(r => r.Url + " " + r.ContentType + " " + r.Body.Length));
        }

        return (mhtml, extra, text);
    }

    /// <summary>
    /// Opens a saved copy from another origin in a fresh context that refuses (and records) every
    /// request but the copy itself. CSP is bypassed so that the copy's own policy cannot hide a
    /// reference the inliner missed: such a reference shows up here as a request, a script as a run.
    /// </summary>
    public async Task<OfflineCopy> OpenOfflineAsync(string html)
    {
        var path = "/copy-" + Guid.NewGuid().ToString("N") + ".html";
        _copies.MapHtml(path, html);
        var copyUrl = _copies.Url(path).AbsoluteUri;
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BypassCSP = true,
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        var attempted = new ConcurrentQueue<string>();
        context.Request += (_, request) =>
        {
            if (request.Url != copyUrl && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                attempted.Enqueue(request.Url);
            }
        };
        await context.RouteAsync("**/*", route => route.Request.Url == copyUrl ? route.ContinueAsync() : route.AbortAsync());
        var page = await context.NewPageAsync();
        await page.GotoAsync(copyUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 20_000 });
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        return new OfflineCopy(context, page, attempted);
    }

    public async ValueTask DisposeAsync()
    {
        await _copies.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
