using System.Text;
using System.Text.RegularExpressions;
using LinkSnap.Testing;
using Microsoft.Playwright;
using NUnit.Framework;
using static Microsoft.Playwright.Assertions;

namespace LinkSnap.Browser.Tests.Library;

/// <summary>
/// The reader view's reading progress (decision 069), the as-seen offer for a flagged fresh capture
/// (issue 18 item 10) and sorting by published date / filtering by author (issue 18 item 3), on two
/// pages with an author and a date: a long article and a sign-in wall.
/// </summary>
public sealed partial class LibraryBrowseTests
{
    private const string KestrelTitle = "Kestrel field notes";
    private long _kestrel;
    private long _walled;

    private static void MapReadingPages(FixtureServer site)
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 60).Select(i =>
            $"<p>Note {i}: the kestrel hovered over the meadow, tail fanned, head still, then dropped into the grass for a vole.</p>"));
        site.MapHtml("/kestrel.html", $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{KestrelTitle}</title>
            <meta name="author" content="Ada Quill"><meta property="article:published_time" content="2024-03-02T08:00:00Z"></head>
            <body><article><h1>{KestrelTitle}</h1>{paragraphs}</article></body></html>
            """);
        site.MapHtml("/members.html", """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Members area</title>
            <meta name="author" content="Bo Lantern"><meta property="article:published_time" content="2019-05-01T08:00:00Z"></head>
            <body><main><h1>Members area</h1><p>Sign in to continue reading this story.</p>
            <form><label>Email <input type="email" name="email"></label><label>Password <input type="password" name="password"></label><button>Sign in</button></form>
            </main></body></html>
            """);
    }

    private async Task SeedReadingAsync()
    {
        var ids = await Daemon.CaptureManyAsync((Site.Url("/kestrel.html"), []), (Site.Url("/members.html"), []));
        _kestrel = ids[0].LinkId;
        _walled = ids[1].LinkId;

        // The article as a stripping bug would leave it (decision 014 normally removes all of this): the
        // reader page's own CSP must be what stops it. Each vector marks the body if it ever runs; the
        // script also tries to speak for the frame with the key it can read from its own URL.
        var article = ids[0].Snapshot.Artifacts!.Single(a => a.Kind == "article-html").FileName!;
        var file = Directory.EnumerateFiles(Daemon.Paths.SnapshotsDirectory, article, SearchOption.AllDirectories)
            .Single(f => File.ReadAllText(f).Contains("Note 60", StringComparison.Ordinal));
        var hostile = """
            <script>document.body.dataset.pwned = 'script'; parent.postMessage({ linksnapReader: location.hash.slice(1), kind: 'progress', fraction: 0.5 }, '*');</script>
            <img alt="" src="data:image/png;base64,AAAA" onerror="document.body.dataset.pwned = 'onerror'">
            <svg onload="document.body.dataset.pwned = 'svg'"><rect width="10" height="10"/></svg>
            <p><a id="js-link" href="javascript:document.body.dataset.pwned = 'href'">Open the notes</a></p>
            """;
        var html = File.ReadAllText(file);
        File.WriteAllText(file, html.Insert(html.IndexOf("<h1", StringComparison.Ordinal), hostile), Encoding.UTF8);
    }

    private IFrame? ReaderFrame() => Page.Frames.FirstOrDefault(f => f.Url.Contains("/reader/", StringComparison.Ordinal));

    [Test]
    public async Task TheReaderRemembersWhereReadingStoppedAndHostileArticleMarkupNeverRuns()
    {
        await GotoAsync($"/links/{_kestrel}?tab=reader");
        await Expect(Page.FrameLocator("#reader-frame").Locator("main.reader")).ToContainTextAsync("Note 60");
        Assert.That(await Page.Locator("#reader-frame").GetAttributeAsync("sandbox"), Is.EqualTo("allow-scripts"), "scripts, but never the snapshot origin itself");
        var frame = ReaderFrame()!;
        var key = new Uri(frame.Url).Fragment.TrimStart('#');
        Assert.That(key, Has.Length.GreaterThan(20), "the frame carries a random key in its fragment");

        // The browser refuses each vector under the reader's CSP (positive evidence, not only silence) ...
        await Page.FrameLocator("#reader-frame").Locator("#js-link").ClickAsync();
        var refused = new List<string>();
        await Eventually.TrueAsync(() =>
        {
            refused.AddRange(TakeConsoleErrors(e => e.Contains("Content Security Policy", StringComparison.Ordinal)));
            return refused.Any(e => e.Contains("inline script", StringComparison.Ordinal))
                && refused.Count(e => e.Contains("inline event handler", StringComparison.Ordinal)) >= 2
                && refused.Any(e => e.Contains("JavaScript URL", StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(20), "the CSP refusals of the article's script, two handlers and the javascript: link");
        Assert.That(await frame.EvaluateAsync<string?>("() => document.body.dataset.pwned ?? null"), Is.Null, "nothing of the article ran");

        // ... and nothing but the frame's own window with its key speaks for this link: a message with the
        // right key from another window, and one from the frame with a guessed key, are both ignored. The
        // page answers the frame's "ready" with the progress it holds, which must still be 0.
        await Page.EvaluateAsync("key => window.postMessage({ linksnapReader: key, kind: 'progress', fraction: 0.8 }, '*')", key);
        await frame.EvaluateAsync("""
            key => {
              window.restores = [];
              addEventListener('message', (e) => { if (e.data && 'linksnapRestore' in e.data) window.restores.push(e.data.linksnapRestore); });
              parent.postMessage({ linksnapReader: 'a-guessed-key', kind: 'progress', fraction: 0.9 }, '*');
              parent.postMessage({ linksnapReader: key, kind: 'ready', fraction: 0 }, '*');
            }
            """, key);
        await Eventually.TrueAsync(async () => await frame.EvaluateAsync<int>("() => window.restores.length") > 0, TimeSpan.FromSeconds(10), "the page's answer to ready");
        Assert.That(await frame.EvaluateAsync<double>("() => window.restores[0]"), Is.EqualTo(0), "no forged progress was taken");

        // Reading: scrolled to the end, the page keeps it for the link.
        await frame.EvaluateAsync("() => scrollTo(0, document.documentElement.scrollHeight)");
        var saved = await Eventually.ValueAsync(
            async () => (await GetJsonAsync($"/api/links/{_kestrel}")).GetProperty("readingProgress"),
            p => p.ValueKind == System.Text.Json.JsonValueKind.Number && p.GetDouble() > 0.99,
            TimeSpan.FromSeconds(20), p => $"the progress to be saved (now {p})");
        Assert.That(saved.GetDouble(), Is.LessThanOrEqualTo(1));
        Assert.That((await GetJsonAsync($"/api/links/{_walled}")).GetProperty("readingProgress").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), "another link is untouched");

        // Issue 18 item 3: filter by author (the bar shows on the card), sort by published date.
        await GotoAsync("/");
        await Page.FillAsync("#filter-author", "Quill");
        await Page.PressAsync("#filter-author", "Enter");
        await Expect(Page.Locator(".card")).ToHaveCountAsync(1);
        Assert.That(Page.Url, Does.Contain("author=Quill"));
        await Expect(Card(KestrelTitle).Locator("progress.reading-progress")).ToHaveAttributeAsync("value", "100");
        await Expect(Card(KestrelTitle).Locator("progress.reading-progress")).ToHaveAttributeAsync("title", "Read 100%");
        await ScreenshotsAsync("reading-progress-card");
        await GotoAsync("/");
        await Page.SelectOptionAsync("#filter-sort", "published");
        Assert.That(Page.Url, Does.Contain("sort=published"));
        await Expect(Page.Locator(".card .title").Nth(1)).ToHaveTextAsync("Members area");
        await Expect(Page.Locator(".card .title").First).ToHaveTextAsync(KestrelTitle);

        // Opened again, the reader scrolls back to where the person stopped.
        await GotoAsync($"/links/{_kestrel}?tab=reader");
        await Eventually.TrueAsync(async () =>
        {
            try { return ReaderFrame() is { } f && await f.EvaluateAsync<double>("() => scrollY") > 0; }
            catch (PlaywrightException) { return false; } // the frame was still navigating
        }, TimeSpan.FromSeconds(20), "the reader to scroll back to the saved place");
        TakeConsoleErrors(e => e.Contains("Content Security Policy", StringComparison.Ordinal)); // the same refusals, on this second load
    }

    [Test]
    public async Task AFlaggedFreshCaptureOffersToSaveThePageAsSeen()
    {
        await GotoAsync($"/links/{_walled}");
        var offer = Page.Locator("#as-seen-offer");
        await Expect(offer).ToContainTextAsync("Sign-in wall");
        await Expect(Page.Locator("#as-seen-reason")).Not.ToBeEmptyAsync();
        await Expect(Page.Locator("#open-as-seen")).ToHaveAttributeAsync("href", Site.Url("/members.html").ToString());
        await Expect(Page.Locator("#open-as-seen")).ToHaveAttributeAsync("target", "_blank");
        await Expect(offer).ToContainTextAsync("Save as you see it");
        await ScreenshotsAsync("as-seen-offer");

        // The offer opens the page itself, in a tab of its own, where the extension's popup takes over.
        var opened = await Page.Context.RunAndWaitForPageAsync(() => Page.ClickAsync("#open-as-seen"));
        await opened.WaitForLoadStateAsync();
        Assert.That(opened.Url, Is.EqualTo(Site.Url("/members.html").ToString()));
        await opened.CloseAsync();

        // A link without a flag has no offer.
        await GotoAsync($"/links/{_kestrel}");
        await Expect(Page.Locator("#link-title")).ToHaveTextAsync(KestrelTitle);
        await Expect(Page.Locator("#as-seen-offer")).ToHaveCountAsync(0);

        // The same offer in Chinese (the choice is kept in this browser: back to following the browser after).
        await GotoAsync($"/links/{_walled}");
        await Page.SelectOptionAsync("#language", "zh-CN");
        await Expect(Page.Locator("#as-seen-offer")).ToContainTextAsync("按所见保存");
        await Page.SelectOptionAsync("#language", "");
        await Expect(Page.Locator("#as-seen-offer")).ToContainTextAsync("Save as you see it");
    }
}
