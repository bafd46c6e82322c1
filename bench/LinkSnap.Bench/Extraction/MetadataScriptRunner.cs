using System.Text.Json;
using LinkSnap.Core.Capture.Metadata;
using LinkSnap.Core.Capture.Readability;
using LinkSnap.Testing;
using Microsoft.Playwright;

namespace LinkSnap.Bench.Extraction;

/// <summary>What the engine's scripts read from one corpus page.</summary>
public sealed record ScriptResult(MetadataScan? Scan, string? ReadabilityTitle, string? ReadabilityByline, string? ReadabilityPublished, string Text);

/// <summary>
/// Runs the engine's article script and then its metadata layer (<see cref="MetadataScript.Source"/>,
/// the strings the engine evaluates) on each page, loaded from a loopback server with its own scripts
/// on and every other host unreachable, as <see cref="ArticleScriptRunner"/> does. The layer is told
/// the page's original URL (dates in the path, the site's host name), as a capture of it would be.
/// </summary>
public static class MetadataScriptRunner
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>LINKSNAP_PAGEMETA_STATIC=1: page scripts off, no network-idle wait — a quick loop while developing rules, not the figure.</summary>
    private static readonly bool Static = Environment.GetEnvironmentVariable("LINKSNAP_PAGEMETA_STATIC") == "1";

    public static Task<Dictionary<string, ScriptResult>> RunAsync(IBrowser browser, IReadOnlyList<MetadataPage> pages, CancellationToken cancellationToken) =>
        RunAsync(browser, pages, pageScripts: !Static, cancellationToken);

    /// <summary>
    /// <paramref name="pageScripts"/> false: the pages' own scripts off and no network-idle wait, as the
    /// quick loop and the corpus rate tests run them (the layer reads the served DOM, several times faster).
    /// </summary>
    public static async Task<Dictionary<string, ScriptResult>> RunAsync(IBrowser browser, IReadOnlyList<MetadataPage> pages, bool pageScripts, CancellationToken cancellationToken)
    {
        await using var server = await FixtureServer.StartAsync();
        foreach (var page in pages)
        {
            server.MapContent($"/{page.Set}/{Uri.EscapeDataString(page.Id)}.html", page.ContentType, page.Html);
        }

        var origin = server.Url("/").GetLeftPart(UriPartial.Authority);
        var results = new Dictionary<string, ScriptResult>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(pages, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, async (page, _) =>
        {
            ScriptResult result;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    // A page script that never yields would hold the evaluation forever. On a loaded machine a
                    // page can miss the limit for want of CPU: it gets a second go with twice the time, so the
                    // figure measures extraction rather than the machine (each failure is printed).
                    var limit = TimeSpan.FromSeconds(60 * attempt);
                    result = await ReadAsync(browser, server.Url($"/{page.Set}/{Uri.EscapeDataString(page.Id)}.html"), origin, page.Url, pageScripts).WaitAsync(limit);
                    break;
                }
                catch (Exception e) when (e is TimeoutException or PlaywrightException)
                {
                    Console.Error.WriteLine($"[pagemeta] {page.Id} (attempt {attempt}): {e.Message.Split('\n')[0]}");
                    if (attempt == 2)
                    {
                        result = new ScriptResult(null, null, null, null, "");
                        break;
                    }
                }
            }

            lock (results)
            {
                results[page.Id] = result;
                if (results.Count % 20 == 0)
                {
                    Console.Error.WriteLine($"[pagemeta] {page.Set}: {results.Count}/{pages.Count}");
                }
            }
        });
        return results;
    }

    private static async Task<ScriptResult> ReadAsync(IBrowser browser, Uri url, string origin, string? originalUrl, bool pageScripts)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            ServiceWorkers = ServiceWorkerPolicy.Block,
            JavaScriptEnabled = pageScripts,
        });
        await context.RouteAsync("**/*", route => route.Request.Url.StartsWith(origin + "/", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync("blockedbyclient"));
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 20_000 });
            if (pageScripts)
            {
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 3_000 });
            }
        }
        catch (TimeoutException)
        {
            // Read as it stands, like the engine does with a page that does not settle.
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (article, pageText) = await ArticleScriptRunner.ReadAsync(page);
                var a = article is { ValueKind: JsonValueKind.Object } json ? json : default;
                string? Get(string name) => a.ValueKind == JsonValueKind.Object && a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                var facts = new { title = Get("title"), byline = Get("byline"), publishedTime = Get("publishedTime"), siteName = Get("siteName") };
                var scan = await page.EvaluateAsync<JsonElement>(MetadataScript.Source, new { now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), url = originalUrl ?? url.AbsoluteUri, article = facts });
                var text = ArticleFallback.Choose(Get("textContent"), pageText.Text, pageText.Length);
                return new ScriptResult(scan.Deserialize<MetadataScan>(Web), Get("title"), Get("byline"), Get("publishedTime"), text);
            }
            catch (PlaywrightException e) when (attempt < 5 && (e.Message.Contains("navigation", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("context", StringComparison.OrdinalIgnoreCase)))
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 5_000 }).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
