using System.Text.Json;
using LinkSnap.Core.Capture.Readability;
using LinkSnap.Testing;
using Microsoft.Playwright;

namespace LinkSnap.Bench.Extraction;

/// <summary>
/// The fast extraction loop (<c>--extraction-script</c>): no captures, only the engine's own article
/// script (<see cref="ReadabilityScript.Source"/>, the very string the engine evaluates) run on each corpus
/// page, loaded from a loopback server in a 1280×800 page with JavaScript on and every other host
/// unreachable, as a capture loads it. The engine's fallback is applied too: a scrap of an article
/// (under 200 characters and under half the page) is replaced by the page's text.
/// </summary>
public static class ArticleScriptRunner
{
    private const int Parallelism = 2;

    public static async Task<Dictionary<string, string>> RunAsync(IBrowser browser, ZyteCorpus corpus, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        await using var server = await FixtureServer.StartAsync();
        foreach (var id in ids)
        {
            // Served as UTF-8 whatever the page declares: the corpus is stored as UTF-8 (corpus README).
            server.MapContent($"/zyte/{id}.html", "text/html; charset=utf-8", corpus.PageHtml(id));
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var origin = server.Url("/").GetLeftPart(UriPartial.Authority);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            var text = await ExtractAsync(browser, server.Url($"/zyte/{id}.html"), origin);
            lock (texts)
            {
                texts[id] = text;
            }
        });
        return texts;
    }

    private static async Task<string> ExtractAsync(IBrowser browser, Uri url, string origin)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            ServiceWorkers = ServiceWorkerPolicy.Block,
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
            // Captured as it stands, like the engine does with a page that does not settle.
        }

        var article = await page.EvaluateAsync<JsonElement?>(ReadabilityScript.Source);
        var pageText = await page.EvaluateAsync<string>("() => document.body ? document.body.innerText || '' : ''");
        var articleText = article is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("textContent", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!.Trim()
            : "";

        // As HtmlPageCapture.IsSubstantial: a scrap is not an article; the fallback is the first 4,000
        // characters of the page text, as PageScripts.Facts reads it.
        return articleText.Length >= 200 || articleText.Length * 2 >= pageText.Length ? articleText : pageText[..Math.Min(pageText.Length, 4000)];
    }
}
