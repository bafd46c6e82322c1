using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LinkSnap.Testing;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Library;

/// <summary>
/// Read-later states, a pasted list in the Add box and an imported article in the library: states are
/// toggled on a card, in bulk (and undone in bulk) and on the link page and kept by the daemon; an archived
/// card leaves the default list at once, comes back under "Archived" and by search; a pasted list saves each URL once and keeps
/// the refused ones in the box with their reasons; a version imported from wallabag says so.
/// </summary>
public sealed class LibraryStatesTests : LibraryPageTestBase
{
    private long _tides;
    private long _lakes;
    private long _imported;

    protected override void MapSite(FixtureServer site)
    {
        site.MapHtml("/tides", "<!doctype html><title>Tide essay</title><p>The moon pulls the sea twice a day.</p>");
        site.MapHtml("/lakes", "<!doctype html><title>Lake notes</title><p>Lakes freeze from the edges inward.</p>");
        site.MapHtml("/pasted", "<!doctype html><title>Pasted page</title><p>One of a pasted list.</p>");
    }

    protected override async Task SeedAsync()
    {
        (_tides, _, _) = await Daemon.CaptureAsync(Site.Url("/tides"));
        (_lakes, _, _) = await Daemon.CaptureAsync(Site.Url("/lakes"));

        var wallabag = JsonSerializer.Serialize(new[]
        {
            new { id = 1, url = "https://gone.example/潮汐", title = "潮汐的文章", is_archived = 0, is_starred = 0, content = "<p>月亮牵引海水。</p><script>alert(1)</script>", created_at = "2020-01-02T03:04:05+01:00", tags = Array.Empty<string>(), annotations = Array.Empty<object>() },
        });
        using var client = Daemon.CreateSocketClient();
        using var started = await client.PostAsync("/api/imports?name=wallabag.json&noCapture=true", new ByteArrayContent(Encoding.UTF8.GetBytes(wallabag)));
        Assert.That((int)started.StatusCode, Is.EqualTo(202), await started.Content.ReadAsStringAsync());
        var found = await Eventually.ValueAsync(
            () => Daemon.LookupAsync("https://gone.example/潮汐"),
            lookup => lookup.Saved && lookup.SnapshotCount == 1,
            TimeSpan.FromSeconds(60),
            lookup => $"the import to add its version (lookup: {lookup})");
        _imported = found.LinkId!.Value;
    }

    private ILocator StateButton(long linkId, string state) => Page.Locator($"article.card[data-id='{linkId}'] [data-state='{state}']");

    [Test]
    public async Task States_are_toggled_filtered_and_kept_a_pasted_list_is_saved_and_an_imported_version_is_labelled()
    {
        await GotoAsync("/");
        await StateButton(_tides, "favorite").ClickAsync();
        await Assertions.Expect(StateButton(_tides, "favorite")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(StateButton(_tides, "favorite")).ToHaveAccessibleNameAsync("Favourite");
        Assert.That((await GetJsonAsync($"/api/links/{_tides}")).GetProperty("favorite").GetBoolean(), Is.True, "the daemon kept the state");

        await StateButton(_lakes, "archived").ClickAsync();
        await Assertions.Expect(Page.Locator($"article.card[data-id='{_lakes}']")).ToHaveCountAsync(0); // leaves the default view at once, no reload
        await Assertions.Expect(Page.Locator("#summary")).ToHaveTextAsync("2 links");
        Assert.That((await GetJsonAsync($"/api/links/{_lakes}")).GetProperty("archived").GetBoolean(), Is.True);
        await GotoAsync("/");
        await Assertions.Expect(Page.Locator($"article.card[data-id='{_tides}']")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator($"article.card[data-id='{_lakes}']")).ToHaveCountAsync(0);
        await Page.Locator("#filter-state").SelectOptionAsync("archived");
        await Assertions.Expect(Page.Locator("article.card")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator($"article.card[data-id='{_lakes}']")).ToBeVisibleAsync();
        Assert.That(Page.Url, Does.Contain("state=archived"), "the filtered view can be bookmarked");
        await GotoAsync("/?q=" + Uri.EscapeDataString("Lakes freeze"));
        await Assertions.Expect(Page.Locator($"article.card[data-id='{_lakes}']")).ToBeVisibleAsync(); // search finds archived links
        await GotoAsync("/?state=archived");
        await Page.Locator($"article.card[data-id='{_lakes}'] .select").CheckAsync();
        await Page.Locator("#bulk-bar [data-bulk='unarchive']").ClickAsync();
        await Assertions.Expect(Page.Locator($"article.card[data-id='{_lakes}']")).ToHaveCountAsync(0); // un-archived: no longer in "Archived"
        Assert.That((await GetJsonAsync($"/api/links/{_lakes}")).GetProperty("archived").GetBoolean(), Is.False);

        await GotoAsync("/");
        await Page.Locator($"article.card[data-id='{_tides}'] .select").CheckAsync();
        await Page.Locator("#bulk-bar [data-bulk='read']").ClickAsync();
        await Assertions.Expect(Page.Locator(".toast").Last).ToContainTextAsync("Updated 1 link");
        Assert.That((await GetJsonAsync($"/api/links/{_tides}")).GetProperty("read").GetBoolean(), Is.True);
        await Assertions.Expect(StateButton(_tides, "read")).ToHaveAttributeAsync("aria-pressed", "true");
        foreach (var (action, state) in new[] { ("unread", "read"), ("unfavorite", "favorite") }) // the bulk bar undoes what it does
        {
            await Page.Locator($"article.card[data-id='{_tides}'] .select").CheckAsync();
            await Page.Locator($"#bulk-bar [data-bulk='{action}']").ClickAsync();
            await Assertions.Expect(StateButton(_tides, state)).ToHaveAttributeAsync("aria-pressed", "false");
        }

        var tides = await GetJsonAsync($"/api/links/{_tides}");
        Assert.That((tides.GetProperty("read").GetBoolean(), tides.GetProperty("favorite").GetBoolean()), Is.EqualTo((false, false)), "the daemon kept both");

        var first = Site.Url("/pasted?1").ToString();
        var second = Site.Url("/pasted?2").ToString();
        await Page.Locator("#add-url").FillAsync($"{first}\n{second}, {first}\njavascript:alert(1)");
        await Page.Locator("#add-tags").FillAsync("pasted");
        await Page.Locator("#add-url").PressAsync("Enter");
        await Assertions.Expect(Page.Locator(".toast").Last).ToContainTextAsync("Saving 2 links.");
        await Assertions.Expect(Page.Locator("#add-invalid")).ToContainTextAsync("javascript:alert(1)");
        await Assertions.Expect(Page.Locator("#add-url")).ToHaveValueAsync("javascript:alert(1)");
        Assert.That((await GetJsonAsync("/api/links?tag=pasted")).GetProperty("total").GetInt32(), Is.EqualTo(2), "one link per URL, the duplicate merged");
        await ScreenshotsAsync("states");

        await GotoAsync($"/links/{_imported}");
        await Assertions.Expect(Page.Locator("#imported-from")).ToHaveTextAsync("Imported from wallabag — not captured by LinkSnap");
        await Assertions.Expect(Page.Locator("#versions .badge.imported")).ToHaveTextAsync("Imported");
        await Page.Locator(".snapshot [data-state='private']").ClickAsync();
        await Assertions.Expect(Page.Locator(".snapshot [data-state='private']")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.That((await GetJsonAsync($"/api/links/{_imported}")).GetProperty("private").GetBoolean(), Is.True);
        await ScreenshotsAsync("imported");
    }
}
