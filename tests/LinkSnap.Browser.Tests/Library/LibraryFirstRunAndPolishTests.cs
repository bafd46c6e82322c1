using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinkSnap.Testing;
using Microsoft.Playwright;
using NUnit.Framework;
using static Microsoft.Playwright.Assertions;

namespace LinkSnap.Browser.Tests.Library;

/// <summary>
/// Issue 17, library items 7, 9, 12 and 14 on one daemon: the first-run panel, a page whose broken
/// encoding once gave a 150 KB title, HTTP error captures, and the list's selection, shortcuts,
/// toasts and Back. Each test captures the links it needs, so their order does not matter.
/// </summary>
[TestFixture]
public sealed class LibraryFirstRunAndPolishTests : LibraryPageTestBase
{
    protected override void MapSite(FixtureServer site)
    {
        LibraryPages.Map(site);
        // Readability's "qq" page is UTF-8 that declares gb2312; served without a charset, as a
        // careless server would, the declaration wins (as it does in Chromium). Its remote hosts
        // point at a closed loopback port (bytes kept as they are: Latin-1 maps each to one char).
        var qq = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(Corpus.RequireDirectory("extraction/readability/pages/qq"), "source.html")));
        qq = Regex.Replace(qq, @"(?:https?:)?//[A-Za-z0-9.-]+\.(?:com|cn|net|org)\b", "http://127.0.0.1:9");
        site.MapContent("/qq.html", "text/html", Encoding.Latin1.GetBytes(qq));
        site.MapHtml("/pilots.html", LibraryPages.Article("en", "Harbour pilots",
            "Pilots board ships at the harbour mouth and bring them to the quay.", "They know every sandbank."));
        site.MapContent("/notes.txt", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("Tide tables for the harbour, by hand."));
        site.MapHtml("/broken.html", "<html><head><title>Error response</title></head><body><h1>Error response</h1><p>Error code: 500</p></body></html>", status: 500);
    }

    [Test]
    public async Task An_empty_library_shows_how_to_start_and_the_Add_box_says_Saving_then_Saved()
    {
        // Empty the library (other tests of this fixture may have run first).
        using (var client = Daemon.CreateSocketClient())
        {
            foreach (var link in (await GetJsonAsync("/api/links?limit=200")).GetProperty("items").EnumerateArray())
            {
                (await client.DeleteAsync($"/api/links/{link.GetProperty("id").GetInt64()}")).EnsureSuccessStatusCode();
            }
        }

        await GotoAsync("/");
        var panel = Page.Locator("#onboarding");
        await Expect(panel).ToBeVisibleAsync();
        await Expect(Page.Locator("#extension-folder")).ToHaveTextAsync(Path.Combine(Corpus.RepositoryRoot, "extension"));
        await Expect(Page.Locator("#onboarding-import")).ToHaveAttributeAsync("href", "/import");
        await Expect(Page).ToHaveTitleAsync("Library — LinkSnap");
        await ScreenshotsAsync("onboarding-light");
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await ScreenshotsAsync("onboarding-dark");
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        await Page.ClickAsync("#onboarding-add");
        await Expect(Page.Locator("#add-url")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(Site.Url("/lighthouse.html").ToString());
        await Page.Keyboard.PressAsync("Enter");
        // One toast: "Saving…" turns into "Saved" in place (the capture may be done before a first look).
        var toasts = Page.Locator("#toasts .toast");
        await Expect(toasts).ToHaveTextAsync(["Saved"], new() { Timeout = 60000 });
        await Expect(panel).ToHaveCountAsync(0);
        await Expect(Page.Locator(".card .title")).ToHaveTextAsync("Lighthouse keepers");
    }

    [Test]
    public async Task A_page_in_a_broken_encoding_gets_a_short_title_that_the_link_page_lets_you_edit()
    {
        var (linkId, _, _) = await Daemon.CaptureAsync(Site.Url("/qq.html"));
        var link = await GetJsonAsync($"/api/links/{linkId}");
        var title = link.GetProperty("title").GetString()!;
        Assert.That(title.Length, Is.InRange(1, 500), "the title ends at </title> (it ran through the whole head, ~150 KB)");

        await GotoAsync($"/links/{linkId}");
        var heading = Page.Locator("#link-title");
        await Expect(heading).ToHaveTextAsync(title);
        Assert.That((await heading.BoundingBoxAsync())!.Height, Is.LessThan(200), "the heading is a line or two, not 62,299 px");
        await Expect(Page).ToHaveTitleAsync($"{title} — LinkSnap");

        await Page.ClickAsync("#edit-title");
        await Page.FillAsync("#title-input", "DeepMind 新电脑已可利用记忆自学");
        await Page.PressAsync("#title-input", "Enter");
        await Expect(heading).ToHaveTextAsync("DeepMind 新电脑已可利用记忆自学");
        await Expect(Page).ToHaveTitleAsync("DeepMind 新电脑已可利用记忆自学 — LinkSnap");
        Assert.That((await GetJsonAsync($"/api/links/{linkId}")).GetProperty("title").GetString(), Is.EqualTo("DeepMind 新电脑已可利用记忆自学"));

        // Escape leaves it as it was; a title over 500 characters is refused in plain words.
        await Page.ClickAsync("#edit-title");
        await Page.FillAsync("#title-input", "something else");
        await Page.PressAsync("#title-input", "Escape");
        await Expect(heading).ToHaveTextAsync("DeepMind 新电脑已可利用记忆自学");
        using var client = Daemon.CreateSocketClient();
        using var tooLong = await client.PatchAsync($"/api/links/{linkId}", new StringContent(
            JsonSerializer.Serialize(new { title = new string('x', 501) }), System.Text.Encoding.UTF8, "application/json"));
        Assert.That((int)tooLong.StatusCode, Is.EqualTo(400));
        Assert.That(await tooLong.Content.ReadAsStringAsync(), Does.Contain("at most 500 characters"));

        await Page.SetViewportSizeAsync(390, 844);
        await GotoAsync("/queue");
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.That(widths[0], Is.LessThanOrEqualTo(widths[1]), "the phone queue page scrolls only vertically");
    }

    [Test]
    public async Task An_error_page_reads_as_failed_HTTP_keeps_the_real_title_and_the_good_copy_stays_on_show()
    {
        var (pilots, _, _) = await Daemon.CaptureAsync(Site.Url("/pilots.html"));
        Site.MapHtml("/pilots.html", "<html><head><title>Error response</title></head><body><h1>Error response</h1><p>Error code: 404</p></body></html>", status: 404);
        await Daemon.CaptureAsync(Site.Url("/pilots.html"));
        var (broken, _, _) = await Daemon.CaptureAsync(Site.Url("/broken.html"));
        var (notes, _, _) = await Daemon.CaptureAsync(Site.Url("/notes.txt"));

        Assert.That((await GetJsonAsync($"/api/links/{pilots}")).GetProperty("title").GetString(), Is.EqualTo("Harbour pilots"));
        Assert.That((await GetJsonAsync($"/api/links/{broken}")).TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String, Is.False,
            "an error page's title is not the link's");

        await GotoAsync("/");
        var pilotsCard = Page.Locator($".card[data-id='{pilots}']");
        await Expect(pilotsCard.Locator(".title")).ToHaveTextAsync("Harbour pilots");
        await Expect(pilotsCard.Locator(".status")).ToHaveTextAsync(new Regex("^gone: HTTP 404 Not Found$", RegexOptions.IgnoreCase));
        var brokenCard = Page.Locator($".card[data-id='{broken}']");
        await Expect(brokenCard.Locator(".title")).ToHaveTextAsync(Site.Url("/broken.html").ToString());
        await Expect(brokenCard.Locator(".status")).ToHaveTextAsync(new Regex("^failed: HTTP 500 Internal Server Error$", RegexOptions.IgnoreCase));
        await Expect(Page.Locator(".card .title", new() { HasTextString = "Error response" })).ToHaveCountAsync(0);
        // A saved text file has no thumbnail: a tile with the site's initial and name, not a bare letter.
        await Expect(Page.Locator($".card[data-id='{notes}'] .placeholder-site")).ToHaveTextAsync(Site.Url("/").Host);
        await ScreenshotsAsync("http-errors");

        // The link page shows the last good copy, and says why the newest is not on show.
        await GotoAsync($"/links/{pilots}");
        await Expect(Page.FrameLocator("#archive-frame").Locator("h1")).ToHaveTextAsync("Harbour pilots");
        await Expect(Page.Locator("#newer-version")).ToContainTextAsync("gone: HTTP 404 Not Found");
        await Expect(Page.Locator("#recapture")).ToHaveAttributeAsync("title", new Regex("new version"));

        // A failed capture offers Retry beside Recapture, and one line says which does what (decision 070).
        await GotoAsync($"/links/{broken}");
        await Expect(Page.Locator("#retry")).ToBeVisibleAsync();
        await Expect(Page.Locator("#retry-help")).ToContainTextAsync("no new version");
        await Expect(Page.Locator("#retry-help")).ToContainTextAsync("keeps this one");
    }

    [Test]
    public async Task Select_all_shift_click_ranges_shortcuts_list_columns_and_Back_to_the_same_card()
    {
        string[] polish = ["polish"];
        await Daemon.CaptureManyAsync(
            (Site.Url("/lighthouse.html"), polish), (Site.Url("/tides.html"), polish), (Site.Url("/castles.html"), polish),
            (Site.Url("/model.html"), polish), (Site.Url("/orchard.html"), polish), (Site.Url("/bridges.html"), polish));
        await GotoAsync("/?tag=polish&sort=title&order=asc");
        var cards = Page.Locator(".card");
        await Expect(cards).ToHaveCountAsync(6);

        await Page.ClickAsync("#select-all");
        await Expect(Page.Locator("#bulk-bar")).ToContainTextAsync("6 selected");
        await Page.ClickAsync("#bulk-bar button.link");
        await Expect(Page.Locator("#bulk-bar")).ToHaveCountAsync(0);
        await cards.Nth(1).Locator(".select").ClickAsync();
        await cards.Nth(4).Locator(".select").ClickAsync(new() { Modifiers = [KeyboardModifier.Shift] });
        await Expect(Page.Locator("#bulk-bar")).ToContainTextAsync("4 selected");
        await Expect(Page.Locator(".card[aria-selected=true]")).ToHaveCountAsync(4);
        await Page.ClickAsync("#bulk-bar button.link");

        // One tab stop per card: Tab from one card goes to the next card's tag field or the next card, never to its checkbox or title.
        Assert.That(await cards.First.Locator("a.title, .select, .state-toggle").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('tabindex'))"),
            Is.All.EqualTo("-1"));

        await Page.Keyboard.PressAsync("?");
        await Expect(Page.Locator("#shortcuts")).ToBeVisibleAsync();
        await Expect(Page.Locator("#shortcuts dt")).ToHaveCountAsync(10);
        await Page.Keyboard.PressAsync("Escape");
        await Expect(Page.Locator("#shortcuts")).Not.ToBeVisibleAsync();

        // "r" on the focused card marks it read and keeps the focus there.
        await cards.Nth(2).FocusAsync();
        await Page.Keyboard.PressAsync("r");
        await Expect(cards.Nth(2).Locator(".state-toggle[data-state=read]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(cards.Nth(2)).ToBeFocusedAsync();

        // Back from a link returns to the same scroll position and card.
        await Page.SetViewportSizeAsync(560, 420);
        var target = cards.Nth(5);
        var targetId = await target.GetAttributeAsync("data-id");
        await target.ScrollIntoViewIfNeededAsync();
        await target.FocusAsync();
        var scrolled = await Page.EvaluateAsync<double>("() => window.scrollY");
        Assert.That(scrolled, Is.GreaterThan(0), "the list is taller than the window");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex($"/links/{targetId}"));
        await Page.GoBackAsync();
        await Expect(Page.Locator($".card[data-id='{targetId}']")).ToBeFocusedAsync(new() { Timeout = 20000 }); // the list loads again first
        // Thumbnails may still be loading, so the list can reach its old height a moment after the focus.
        await Eventually.ValueAsync(() => Page.EvaluateAsync<double>("() => window.scrollY"), y => Math.Abs(y - scrolled) <= 2,
            TimeSpan.FromSeconds(10), y => $"the list to scroll back to {scrolled} (it is at {y})");

        // List view: titles, details and tags start at the same x on every row.
        await Page.SetViewportSizeAsync(1280, 860);
        await GotoAsync("/?tag=polish&view=list&sort=title&order=asc");
        await Expect(cards).ToHaveCountAsync(6);
        foreach (var column in new[] { ".title", ".meta", ".tags" })
        {
            var lefts = await cards.Locator(column).EvaluateAllAsync<double[]>("els => els.map(e => Math.round(e.getBoundingClientRect().left))");
            Assert.That(lefts.Distinct().Count(), Is.EqualTo(1), $"{column} column aligned: {string.Join(", ", lefts)}");
        }

        await ScreenshotsAsync("list-columns-light");
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await ScreenshotsAsync("list-columns-dark");
        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
    }
}
