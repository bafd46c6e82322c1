using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NUnit.Framework;
using static Microsoft.Playwright.Assertions;

namespace LinkSnap.Browser.Tests.Library;

/// <summary>Browsing, searching, filtering, opening and managing saved links in the library page.</summary>
[TestFixture]
public sealed partial class LibraryBrowseTests : LibraryPageTestBase
{
    private long _lighthouse;
    private long _model;
    private long _bridges;
    private long _castles;

    protected override void MapSite(LinkSnap.Testing.FixtureServer site)
    {
        LibraryPages.Map(site);
        MapReadingPages(site);
    }

    protected override async Task SeedAsync()
    {
        await SeedReadingAsync();
        var ids = await Daemon.CaptureManyAsync(
            (Site.Url("/lighthouse.html"), ["sea", "history"]),
            (Site.Url("/tides.html"), ["sea", "nautical/charts"]),
            (Site.Url("/castles.html"), ["history", "draft", "drafts"]),
            (Site.Url("/model.html"), ["nlp/interpretability"]),
            (Site.Url("/orchard.html"), []),
            (Site.Url("/bridges.html"), ["to-delete"]));
        _lighthouse = ids[0].LinkId;
        _model = ids[3].LinkId;
        _bridges = ids[5].LinkId;
        _castles = ids[2].LinkId;
    }

    [Test]
    public async Task SearchAsYouTypeFindsAChineseTwoCharacterWordWithHighlight()
    {
        await GotoAsync("/");
        await Page.Keyboard.PressAsync("/");
        await Expect(Page.Locator("#search")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync("模型");
        var cards = Page.Locator(".card");
        await Expect(cards).ToHaveCountAsync(1);
        await Expect(cards.First.Locator(".title")).ToHaveTextAsync("语言模型的可解释性研究");
        await Expect(cards.First.Locator(".snippet mark").First).ToHaveTextAsync("模型");
        Assert.That(Page.Url, Does.Contain("q=" + Uri.EscapeDataString("模型")));
        await ScreenshotsAsync("search-chinese");

        await Page.FillAsync("#search", "harbour");
        await Expect(cards).ToHaveCountAsync(1);
        await Expect(cards.First.Locator(".title")).ToHaveTextAsync("Reading the tides");
    }

    [Test]
    public async Task FilterByTwoTagsAndOrIsReflectedInTheUrl()
    {
        await GotoAsync("/");
        await Page.FillAsync("#filter-tag", "sea");
        await Page.PressAsync("#filter-tag", "Enter");
        await Expect(Page.Locator(".card")).ToHaveCountAsync(2);
        await Page.FillAsync("#filter-tag", "history");
        await Page.PressAsync("#filter-tag", "Enter");
        await Expect(Page.Locator(".card")).ToHaveCountAsync(1);
        await Expect(Page.Locator(".card .title")).ToHaveTextAsync("Lighthouse keepers");
        Assert.That(Page.Url, Does.EndWith("/?tag=sea&tag=history"));

        await Page.SelectOptionAsync("#filter-tagMode", "or");
        await Expect(Page.Locator(".card")).ToHaveCountAsync(3);
        Assert.That(Page.Url, Does.Contain("tagMode=or"));
        await ScreenshotsAsync("filter-tags");

        // The URL is a bookmark: opening it restores the same view.
        await GotoAsync("/?tag=sea&tag=history&tagMode=and&view=list");
        await Expect(Page.Locator(".items.list .card")).ToHaveCountAsync(1);
        await Expect(Page.Locator("[data-filter-tag]")).ToHaveCountAsync(2);
    }

    [Test]
    public async Task At_phone_width_the_bar_is_compact_and_the_filters_fold_behind_a_toggle()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await GotoAsync("/?tag=sea");
        var toggle = Page.Locator("#filters-toggle");
        await Expect(toggle).ToHaveTextAsync("Filters (1)");
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(Page.Locator("#filters")).ToBeHiddenAsync();
        await Expect(Page.Locator("#filter-sort")).ToBeHiddenAsync();
        // Link, tags and Save share one row; the search box and the toggle another.
        var rows = await Page.EvaluateAsync<double[]>("""
            () => ['#add-url', '#add-tags', '#add-form button', '#search', '#filters-toggle']
              .map((s) => document.querySelector(s).getBoundingClientRect().top)
            """);
        Assert.That(rows[1], Is.EqualTo(rows[0]).Within(4), "tags beside the link");
        Assert.That(rows[2], Is.EqualTo(rows[0]).Within(4), "Save beside the link");
        Assert.That(rows[4], Is.EqualTo(rows[3]).Within(4), "the toggle beside the search box");
        // The Add box sizes to its content, its hint included: the hint stays on one line (measured: a wrapped hint made the
        // whole row 59 px tall, the search box's one line is ~36 px). The tags field stretches with the row, so compare with search.
        var heights = await Page.EvaluateAsync<double[]>("() => ['#add-url', '#search'].map((s) => document.querySelector(s).getBoundingClientRect().height)");
        Assert.That(heights[0], Is.LessThanOrEqualTo(heights[1] + 6), "the Add box's placeholder does not wrap");
        Assert.That(await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(390));
        await PhoneShotsAsync("phone-filters-folded");

        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(Page.Locator("#filters")).ToBeVisibleAsync();
        await Page.SelectOptionAsync("#filter-status", "done");
        // The filter redraws the bar; it stays open and counts the new filter.
        await Expect(toggle).ToHaveTextAsync("Filters (2)");
        await Expect(Page.Locator("#filters")).ToBeVisibleAsync();
        await PhoneShotsAsync("phone-filters-open");

        await Page.SetViewportSizeAsync(1280, 860);
        await Expect(toggle).ToBeHiddenAsync();
        await Expect(Page.Locator("#filter-sort")).ToBeVisibleAsync();
    }

    // The phone screen as it is, light and dark.
    private async Task PhoneShotsAsync(string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await Page.EmulateMediaAsync(new() { ColorScheme = scheme });
            var path = Path.Combine(folder, $"{nameof(LibraryBrowseTests)}-{name}-{scheme.ToString().ToLowerInvariant()}.png");
            await Page.ScreenshotAsync(new() { Path = path });
            TestContext.AddTestAttachment(path, $"{name}, {scheme}");
        }

        await Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
    }

    [Test]
    public async Task OpenSnapshotShowsTheArchivedCopyAndTheReaderView()
    {
        await GotoAsync("/?tag=history&tag=sea");
        await Page.Locator(".card .title").First.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex($"/links/{_lighthouse}"));
        await Expect(Page.Locator("#link-title")).ToHaveTextAsync("Lighthouse keepers");
        var archive = Page.FrameLocator("#archive-frame");
        await Expect(archive.Locator("h1")).ToHaveTextAsync("Lighthouse keepers");
        Assert.That(await Page.Locator("#archive-frame").GetAttributeAsync("sandbox"), Is.EqualTo(""));
        await ScreenshotsAsync("snapshot-archived");

        // At phone width the copy can be scaled to fit: laid out at the capture's 1280 px, shown at the box's width.
        await Page.SetViewportSizeAsync(390, 844);
        await Page.ClickAsync("#fit-width");
        await Expect(Page.Locator("#fit-width")).ToHaveAttributeAsync("aria-pressed", "true");
        var fit = await Page.EvaluateAsync<double[]>("""
            () => { const f = document.getElementById('archive-frame'); const box = f.parentElement.getBoundingClientRect();
              return [f.offsetWidth, f.getBoundingClientRect().width, box.width, document.documentElement.scrollWidth]; }
            """);
        Assert.That(fit[0], Is.EqualTo(1280), "laid out at the capture's width");
        Assert.That(fit[1], Is.EqualTo(fit[2]).Within(1), "scaled to the box");
        Assert.That(fit[3], Is.LessThanOrEqualTo(390), "no sideways scroll");
        await PhoneShotsAsync("phone-archived-fit");
        await Page.ClickAsync("#fit-width");
        await Expect(Page.Locator("#fit-width")).ToHaveAttributeAsync("aria-pressed", "false");
        await Page.SetViewportSizeAsync(1280, 860);

        await Page.ClickAsync("[data-tab=reader]");
        await Expect(Page.FrameLocator("#reader-frame").Locator("main.reader")).ToContainTextAsync("trimming wicks");
        await ScreenshotsAsync("snapshot-reader");

        // Reader controls: the frame (cross-origin, none of the page's script) is reloaded with the choice; remembered for the next link.
        var reader = Page.FrameLocator("#reader-frame");
        await Page.SelectOptionAsync("#reader-size", "xl");
        await Page.SelectOptionAsync("#reader-width", "narrow");
        await Page.SelectOptionAsync("#reader-theme", "sepia");
        await Expect(reader.Locator("body")).ToHaveCSSAsync("font-size", "24px");
        await Expect(reader.Locator("main.reader")).ToHaveCSSAsync("max-width", "512px");
        await Expect(reader.Locator("body")).ToHaveCSSAsync("background-color", "rgb(244, 236, 216)");
        await ScreenshotsAsync("snapshot-reader-sepia");
        await GotoAsync($"/links/{_model}?tab=reader");
        await Expect(Page.Locator("#reader-size")).ToHaveValueAsync("xl");
        await Expect(Page.FrameLocator("#reader-frame").Locator("body")).ToHaveCSSAsync("font-size", "24px");
        await Page.SelectOptionAsync("#reader-size", "m");
        await Page.SelectOptionAsync("#reader-width", "medium");
        await Page.SelectOptionAsync("#reader-theme", "auto");
        await GotoAsync($"/links/{_lighthouse}?tab=reader");

        await Page.ClickAsync("[data-tab=screenshot]");
        await Expect(Page.Locator("#screenshot")).ToBeVisibleAsync();
        Assert.That(await Page.Locator("#screenshot").EvaluateAsync<int>("img => img.naturalWidth"), Is.GreaterThan(100));

        await Page.ClickAsync("[data-tab=pdf]");
        await Expect(Page.Locator("#pdf-link")).ToHaveAttributeAsync("href", new Regex($@"^http://127\.0\.0\.1:{Daemon.Session.SnapshotPort}/s/\d+/[A-Za-z0-9_-]+/page\.pdf$"));
        // Embedded: the browser's PDF viewer (an extension frame) opens inside the tab; a sandboxed frame would
        // show an error page instead. The PDF document itself keeps the snapshot origin's CSP sandbox.
        await Expect(Page.Locator("#pdf-frame")).ToHaveAttributeAsync("src", new Regex(@"/page\.pdf$"));
        Assert.That(await Page.Locator("#pdf-frame").GetAttributeAsync("sandbox"), Is.Null);
        await LinkSnap.Testing.Eventually.TrueAsync(
            () => Page.Frames.Any(f => f.Url.StartsWith("chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "Chromium's PDF viewer in the PDF tab");
        var pdf = await Page.APIRequest.GetAsync((await Page.Locator("#pdf-frame").GetAttributeAsync("src"))!);
        Assert.That(pdf.Headers["content-security-policy"], Does.StartWith("sandbox;"));
        Assert.That(pdf.Headers["content-type"], Is.EqualTo("application/pdf"));

        await Page.ClickAsync("[data-tab=info]");
        await Expect(Page.Locator("#details")).ToContainTextAsync("HTTP status");
        await Expect(Page.Locator("#details")).ToContainTextAsync("200");
        await Expect(Page.Locator("#versions li")).ToHaveCountAsync(1);
    }

    [Test]
    public async Task RenameAndMergeTagsOnTheTagsPage()
    {
        await GotoAsync("/tags");
        var tree = Page.Locator("#tag-tree");
        await Expect(tree.Locator("[data-tag-node='nautical'] [data-tag-node='nautical/charts']")).ToBeVisibleAsync();
        await ScreenshotsAsync("tags");

        await Page.ClickAsync("[aria-label='Rename draft']");
        await Page.FillAsync("#rename-to", "to-read");
        await Page.ClickAsync("dialog button[value=ok]");
        await Expect(tree.Locator("[data-tag-node='to-read']")).ToBeVisibleAsync();
        await Expect(tree.Locator("[data-tag-node='draft']")).ToHaveCountAsync(0);

        await Page.ClickAsync("[aria-label='Merge drafts']");
        await Page.FillAsync("#merge-into", "to-read");
        await Page.ClickAsync("dialog button[value=ok]");
        await Expect(tree.Locator("[data-tag-node='drafts']")).ToHaveCountAsync(0);
        await Expect(tree.Locator("[data-tag-node='to-read'] .count")).ToHaveTextAsync("1");

        var tags = await GetJsonAsync("/api/tags");
        var names = tags.EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.That(names, Does.Contain("to-read").And.Not.Contain("draft").And.Not.Contain("drafts"));
    }

    [Test]
    public async Task DeletingATagInUseAsksFirst()
    {
        await GotoAsync("/tags");
        await Page.ClickAsync("[aria-label='Delete nlp/interpretability']");
        await Expect(Page.Locator("dialog")).ToContainTextAsync("It is on 1 link.");
        await Page.ClickAsync("dialog button[value=ok]");
        await Expect(Page.Locator("[data-tag-node='nlp/interpretability']")).ToHaveCountAsync(0);
        var link = await GetJsonAsync($"/api/links/{_model}");
        Assert.That(link.GetProperty("tags").GetArrayLength(), Is.EqualTo(0), "the link stays, without the tag");
    }

    [Test]
    public async Task BulkSelectAddsATagToSeveralLinks()
    {
        await GotoAsync("/?tag=sea");
        await Expect(Page.Locator(".card")).ToHaveCountAsync(2);
        foreach (var checkbox in await Page.Locator(".card .select").AllAsync())
        {
            await checkbox.CheckAsync();
        }

        await Expect(Page.Locator("#bulk-bar")).ToContainTextAsync("2 selected");
        await ScreenshotsAsync("bulk");
        await Page.FillAsync("#bulk-tag", "coast");
        await Page.ClickAsync("#bulk-bar button:text-is('Add tag')");
        await Expect(Page.Locator("#bulk-bar")).ToHaveCountAsync(0);
        await Expect(Page.Locator(".card .tag[data-tag=coast]")).ToHaveCountAsync(2);
        var tags = await GetJsonAsync("/api/tags");
        Assert.That(tags.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "coast").GetProperty("count").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task TagsAreAddedAndRemovedOnACard()
    {
        await GotoAsync("/?q=orchard");
        var card = Page.Locator(".card");
        await Expect(card).ToHaveCountAsync(1);
        await card.Locator(".tag-input").FillAsync("garden");
        await card.Locator(".tag-input").PressAsync("Enter");
        await Expect(card.Locator(".tag[data-tag=garden]")).ToBeVisibleAsync();
        await card.Locator("[aria-label='Remove tag garden']").ClickAsync();
        await Expect(card.Locator(".tag[data-tag=garden]")).ToHaveCountAsync(0);

        await card.Locator(".tag-input").FillAsync(new string('x', 101));
        await card.Locator(".tag-input").PressAsync("Enter");
        await Expect(Page.Locator("#notice")).ToContainTextAsync("100");
    }

    [Test]
    public async Task DeleteAfterConfirmationRemovesTheLink()
    {
        await GotoAsync($"/links/{_bridges}");
        await Expect(Page.Locator("#link-title")).ToHaveTextAsync("Stone bridges");
        await Page.ClickAsync("#delete-link");
        await Expect(Page.Locator("dialog")).ToContainTextAsync("will be deleted");
        await Page.ClickAsync("dialog button[value=ok]");
        await Expect(Page).ToHaveURLAsync(Daemon.LibraryUri.ToString());
        await Expect(Page.Locator(".card .title", new() { HasTextString = "Stone bridges" })).ToHaveCountAsync(0);
        Assert.That(await GetStatusAsync($"/api/links/{_bridges}"), Is.EqualTo(404));
    }

    [Test]
    public async Task KeyboardMovesBetweenCardsAndEnterOpens()
    {
        await GotoAsync("/?sort=title&order=asc");
        await Expect(Page.Locator(".card").First).ToBeVisibleAsync();
        await Page.Locator(".card").First.FocusAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        var second = await Page.Locator(".card").Nth(1).GetAttributeAsync("data-id");
        Assert.That(await Page.EvaluateAsync<string>("document.activeElement.dataset.id"), Is.EqualTo(second));
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new Regex($"/links/{second}"));
    }

    [Test]
    public async Task UnknownLinkAndMalformedFiltersGetAClearMessage()
    {
        await GotoAsync("/links/987654");
        await Expect(Page.Locator("#not-found")).ToContainTextAsync("no link with id");
        await GotoAsync("/links/abc");
        await Expect(Page.Locator("#not-found")).ToBeVisibleAsync();

        await GotoAsync("/?from=yesterday&status=bogus&sort=%ZZ&tag=");
        await Expect(Page.Locator("#summary")).ToHaveTextAsync(new Regex(@"^\d+ links?$"));
    }

    [Test]
    public async Task ThemeToggleSwitchesBetweenLightAndDark()
    {
        await GotoAsync("/");
        var background = () => Page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        var light = await background();
        await Page.ClickAsync("#theme-toggle");
        await Page.ClickAsync("#theme-toggle");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        Assert.That(await background(), Is.Not.EqualTo(light));
        await ScreenshotsAsync("dark");
        await Page.ClickAsync("#theme-toggle");
    }

    [Test]
    public async Task ExportDownloadsWhatTheViewShowsOrTheSelectedLinks()
    {
        await GotoAsync("/?tag=sea");
        await Expect(Page.Locator(".card")).ToHaveCountAsync(2);
        await Page.SelectOptionAsync("#export-format", "json");
        var shown = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#export-link"));
        Assert.That(shown.SuggestedFilename, Does.Match(@"^linksnap-\d{8}-\d{4}\.json$"));
        using (var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync((await shown.PathAsync())!)))
        {
            var urls = document.RootElement.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("url").GetString());
            Assert.That(urls, Is.EquivalentTo(new[] { Site.Url("/lighthouse.html").ToString(), Site.Url("/tides.html").ToString() }));
        }

        await Card("Lighthouse keepers").Locator(".select").CheckAsync();
        await Page.SelectOptionAsync("#bulk-export-format", "html");
        var picked = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#bulk-export-link"));
        var html = await File.ReadAllTextAsync((await picked.PathAsync())!);
        Assert.That(html, Does.StartWith("<!DOCTYPE NETSCAPE-Bookmark-file-1>").And.Contain(Site.Url("/lighthouse.html").ToString()).And.Not.Contain("tides.html"));
        await ScreenshotsAsync("export");
    }

    [Test]
    public async Task DownloadWaczGivesAVerifiedWebArchiveOfTheVersionOrOfTheSelectedLinks()
    {
        await GotoAsync($"/links/{_lighthouse}");
        var version = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#download-wacz"));
        Assert.That(version.SuggestedFilename, Does.EndWith(".wacz"));
        Assert.That(await WaczPageUrlsAsync(version), Is.EqualTo(new[] { Site.Url("/lighthouse.html").ToString() }));

        await GotoAsync("/?tag=sea");
        await Expect(Page.Locator(".card")).ToHaveCountAsync(2);
        await Card("Lighthouse keepers").Locator(".select").CheckAsync();
        await Card("Reading the tides").Locator(".select").CheckAsync();
        var picked = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#bulk-wacz"));
        Assert.That(picked.SuggestedFilename, Does.Match(@"^linksnap-\d{8}-\d{4}\.wacz$"));
        Assert.That(await WaczPageUrlsAsync(picked), Is.EquivalentTo(new[] { Site.Url("/lighthouse.html").ToString(), Site.Url("/tides.html").ToString() }));
        await ScreenshotsAsync("download-wacz");
    }

    /// <summary>The page URLs of a downloaded WACZ, after LinkSnap's verifier found its hashes, digests and index sound.</summary>
    private static async Task<string[]> WaczPageUrlsAsync(IDownload download)
    {
        var path = (await download.PathAsync())!;
        var report = await LinkSnap.Core.Archive.WaczVerifier.VerifyAsync(path, CancellationToken.None);
        Assert.That(report.Problems, Is.Empty, "the downloaded WACZ verifies");
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var pages = new StreamReader(zip.GetEntry("pages/pages.jsonl")!.Open());
        return (await pages.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("url").GetString()!).ToArray();
    }
}
