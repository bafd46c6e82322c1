using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Watching;
using LinkSnap.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Library;

/// <summary>
/// Watching in the library: a schedule set on the link page is what the API keeps; a link whose watch
/// kept a changed version has a "Changed" badge and is the only one under "Changed since I last looked"
/// until it is opened; a tag's watch is set from the tags page.
/// </summary>
public sealed class LibraryWatchTests : LibraryPageTestBase
{
    private long _rivers;
    private long _lakes;
    private long _lakesSnapshot;

    protected override void MapSite(FixtureServer site)
    {
        site.MapHtml("/rivers", "<!doctype html><title>An essay on rivers</title><p>The long rivers of the north carry meltwater to the sea.</p>");
        site.MapHtml("/lakes", "<!doctype html><title>Notes on lakes</title><p>Lakes freeze from the edges inward.</p>");
    }

    protected override async Task SeedAsync()
    {
        (_rivers, _, _) = await Daemon.CaptureAsync(Site.Url("/rivers"), "geography");
        (_lakes, _lakesSnapshot, _) = await Daemon.CaptureAsync(Site.Url("/lakes"));
    }

    [Test]
    public async Task A_watch_set_on_the_link_page_is_kept_and_a_changed_link_is_badged_filtered_and_then_seen()
    {
        await GotoAsync($"/links/{_rivers}");
        await Assertions.Expect(Page.Locator("#watch-state")).ToContainTextAsync("Not checked yet");
        // The save's answer, not the state line: when the tag test ran first, a tag watch already shows "next check".
        var saved = await Page.RunAndWaitForResponseAsync(
            () => Page.Locator("#watch-every").SelectOptionAsync("daily"),
            response => response.Url.EndsWith($"/api/links/{_rivers}/watch", StringComparison.Ordinal) && response.Request.Method == "PUT");
        Assert.That(saved.Status, Is.EqualTo(200));
        await Assertions.Expect(Page.Locator("#watch-state")).ToContainTextAsync("next check");
        var watch = await GetJsonAsync($"/api/links/{_rivers}/watch");
        Assert.That(watch.GetProperty("every").GetString(), Is.EqualTo("daily"), "the schedule chosen on the page is the one the daemon keeps");
        await GotoAsync($"/links/{_rivers}");
        await Assertions.Expect(Page.Locator("#watch-every")).ToHaveValueAsync("daily");

        // The scheduler's own record of a check that kept a changed version.
        var store = Daemon.Services.GetRequiredService<WatchStore>();
        var snapshot = Daemon.Services.GetRequiredService<LinkStore>().Snapshots.GetSnapshot(_lakesSnapshot);
        store.RecordCheck(new InFlightCheck(_lakes, _lakesSnapshot, SchedulePeriod.Weekly, 0, snapshot), WatchOutcomes.Changed, null);

        await GotoAsync("/");
        await Assertions.Expect(Page.Locator($"article.card[data-id='{_lakes}'] .changed")).ToHaveTextAsync("Changed");
        await Assertions.Expect(Page.Locator($"article.card[data-id='{_rivers}'] .changed")).ToHaveCountAsync(0);
        await Page.Locator("#filter-changed").CheckAsync();
        await Assertions.Expect(Page.Locator("article.card")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator($"article.card[data-id='{_lakes}']")).ToBeVisibleAsync();
        Assert.That(Page.Url, Does.Contain("changed=true"), "the filtered view can be bookmarked");
        await ScreenshotsAsync("changed");

        var seen = await Page.RunAndWaitForResponseAsync(
            () => Page.Locator($"article.card[data-id='{_lakes}'] a.title").ClickAsync(),
            response => response.Url.EndsWith($"/api/links/{_lakes}/seen", StringComparison.Ordinal));
        Assert.That(seen.Status, Is.EqualTo(204));
        await GotoAsync("/?changed=true");
        await Assertions.Expect(Page.Locator("article.card")).ToHaveCountAsync(0);
        var lakes = await GetJsonAsync($"/api/links/{_lakes}");
        Assert.That(lakes.TryGetProperty("changedAt", out var changedAt) ? changedAt.ValueKind : System.Text.Json.JsonValueKind.Null,
            Is.EqualTo(System.Text.Json.JsonValueKind.Null), "opening the link marked it seen");
    }

    [Test]
    public async Task A_tag_watch_is_set_from_the_tags_page()
    {
        await GotoAsync("/tags");
        await Page.Locator("[id='tag-watch-geography']").SelectOptionAsync("weekly");
        await Assertions.Expect(Page.Locator(".toast").First).ToContainTextAsync("Tag geography watch: Weekly");
        var watches = await GetJsonAsync("/api/watches");
        var tags = watches.GetProperty("tags").EnumerateArray().Select(t => (t.GetProperty("tag").GetString(), t.GetProperty("every").GetString())).ToList();
        Assert.That(tags, Does.Contain(("geography", "weekly")));
        await GotoAsync("/tags");
        await Assertions.Expect(Page.Locator("[id='tag-watch-geography']")).ToHaveValueAsync("weekly");
    }
}
