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
    /// Loads the page (only its own origin reachable), lets it settle as the capture engine does
    /// (lazy images made eager, images and fonts loaded) and saves its copy through
    /// <see cref="SavedCopyCapture"/>. Returns the copy, the live page's visible text and the MHTML's length.
    /// </summary>
    public async Task<(InliningResult Copy, string Text, int MhtmlLength)> CaptureAsync(Uri url)
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        var origin = url.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync("**/*", route => route.Request.Url.StartsWith(origin, StringComparison.Ordinal)
            ? route.ContinueAsync()
            : route.AbortAsync());
        var page = await context.NewPageAsync();
        var savedCopy = SavedCopyCapture.Attach(page);
        await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 20_000 });
        await page.EvaluateAsync("() => document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')");
        await page.WaitForFunctionAsync(
            "() => [...document.images].every(i => i.complete) && document.fonts.status === 'loaded'",
            null,
            new PageWaitForFunctionOptions { Timeout = 10_000 });
        var text = await page.EvaluateAsync<string>("() => document.body.innerText");
        var cdp = await context.NewCDPSessionAsync(page);
        var result = await savedCopy.SaveAsync(page, cdp, url, new InliningOptions(), CancellationToken.None);
        if (Environment.GetEnvironmentVariable("LINKSNAP_INLINER_DUMP") is { Length: > 0 } dump)
        {
            // For looking at what Chromium wrote when a test fails.
            Directory.CreateDirectory(dump);
            await File.WriteAllTextAsync(Path.Combine(dump, url.Port + ".mhtml"), savedCopy.Mhtml);
            await File.WriteAllTextAsync(Path.Combine(dump, url.Port + ".html"), result.Html);
        }

        return (result, text, savedCopy.Mhtml!.Length);
    }

    /// <summary>
    /// Opens a saved copy from another origin in a fresh context that refuses (and records) every
    /// request but the copy itself. CSP is bypassed so that the copy's own policy cannot hide a
    /// reference the inliner missed: such a reference shows up here as a request, a script as a run.
    /// </summary>
    /// <param name="html">The saved copy.</param>
    /// <param name="servedPolicy">Null: CSP bypassed (see above). Otherwise the copy is served with this
    /// Content-Security-Policy header, and its own policy applies too, as in the library.</param>
    public async Task<OfflineCopy> OpenOfflineAsync(string html, string? servedPolicy = null)
    {
        var path = "/copy-" + Guid.NewGuid().ToString("N") + ".html";
        var body = System.Text.Encoding.UTF8.GetBytes(html);
        _copies.Map(path, async http =>
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            if (servedPolicy is not null)
            {
                http.Response.Headers["Content-Security-Policy"] = servedPolicy;
            }

            await http.Response.Body.WriteAsync(body);
        });
        var copyUrl = _copies.Url(path).AbsoluteUri;
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BypassCSP = servedPolicy is null,
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
