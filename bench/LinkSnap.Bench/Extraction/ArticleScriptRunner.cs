using System.Text.Json;
using LinkSnap.Core.Capture.Readability;
using LinkSnap.Testing;
using Microsoft.Playwright;

namespace LinkSnap.Bench.Extraction;

/// <summary>
/// The fast extraction loop (<c>--extraction-script</c>): no captures, only the engine's own article
/// script (<see cref="ReadabilityScript.Source"/>, the very string the engine evaluates) run on each
/// corpus page, loaded from a loopback server in a 1280×800 page with every other host unreachable.
/// With page scripts on, pages are seen as a capture sees them; with them off, as the peers' reference
/// outputs saw them (the static HTML). The engine's fallback is applied too: a scrap of an article
/// (under 200 characters and under half the page) is replaced by the start of the page's text.
/// </summary>
public static class ArticleScriptRunner
{
    private const int Parallelism = 2;

    public static async Task<Dictionary<string, string>> RunAsync(
        IBrowser browser, ZyteCorpus corpus, IReadOnlyList<string> ids, bool pageScripts, CancellationToken cancellationToken)
    {
        await using var server = await FixtureServer.StartAsync();
        foreach (var id in ids)
        {
            // Served as UTF-8 whatever the page declares: the corpus is stored as UTF-8 (corpus README).
            server.MapContent($"/zyte/{id}.html", "text/html; charset=utf-8", corpus.PageHtml(id));
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var origin = server.Url("/").GetLeftPart(UriPartial.Authority);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (id, _) =>
        {
            var text = await ExtractAsync(browser, server.Url($"/zyte/{id}.html"), origin, pageScripts);
            lock (texts)
            {
                texts[id] = text;
            }
        });
        return texts;
    }

    private static async Task<string> ExtractAsync(IBrowser browser, Uri url, string origin, bool pageScripts)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            ServiceWorkers = ServiceWorkerPolicy.Block,
            JavaScriptEnabled = pageScripts,
        });
        await context.RouteAsync("**/*", route => route.Request.Url.StartsWith(origin + "/", StringComparison.Ordinal)
            ? route.ContinueAsync()
            : route.AbortAsync("blockedbyclient"));
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 20_000 });
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 3_000 });
        }
        catch (TimeoutException)
        {
            // Read as it stands, like the engine does with a page that does not settle.
        }

        var (article, pageText) = await ReadAsync(page);
        var articleText = article is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("textContent", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;

        // As the engine: a scrap is not an article; the fallback is the start of the page's main text.
        return ArticleFallback.Choose(articleText, pageText.Text, pageText.Length);
    }

    /// <summary>What <see cref="ArticleFallback.PageTextScript"/> returns.</summary>
    public sealed record PageText(string Text, int Length);

    /// <summary>A page that navigates itself while it is read is read again on the document it ends up with.</summary>
    public static async Task<(JsonElement? Article, PageText PageText)> ReadAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var article = await page.EvaluateAsync<JsonElement?>(ReadabilityScript.Source);
                var pageText = await page.EvaluateAsync<JsonElement>(ArticleFallback.PageTextScript);
                return (article, new PageText(pageText.GetProperty("text").GetString() ?? "", pageText.GetProperty("length").GetInt32()));
            }
            catch (PlaywrightException e) when (attempt < 5 && (e.Message.Contains("navigation", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("context", StringComparison.OrdinalIgnoreCase)))
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 5_000 }).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
