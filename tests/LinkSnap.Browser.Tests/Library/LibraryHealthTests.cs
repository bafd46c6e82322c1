using LinkSnap.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Library;

/// <summary>
/// Link health in the library: a saved page that now answers 404 is checked from its link page
/// ("Check original"), gets the "your copy is the only one" banner and a Gone badge, and is the only
/// link under the filter "Gone — your copy is the only one".
/// </summary>
public sealed class LibraryHealthTests : LibraryPageTestBase
{
    private bool _removed;
    private long _essay;
    private long _stays;

    protected override void MapSite(FixtureServer site)
    {
        site.Map("/essay", async context =>
        {
            context.Response.StatusCode = _removed ? 404 : 200;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(_removed ? "<title>Not found</title>"
                : "<!doctype html><title>An essay on rivers</title><p>The long rivers of the north carry meltwater to the sea.</p>");
        });
        site.MapHtml("/stays", "<!doctype html><title>A page that stays</title><p>Still here, every week.</p>");
    }

    protected override async Task SeedAsync()
    {
        (_essay, _, _) = await Daemon.CaptureAsync(Site.Url("/essay"));
        (_stays, _, _) = await Daemon.CaptureAsync(Site.Url("/stays"));
        _removed = true;
    }

    [Test]
    public async Task A_gone_original_gets_a_banner_a_badge_and_its_own_filter()
    {
        await GotoAsync($"/links/{_essay}");
        await Assertions.Expect(Page.Locator("#health-banner")).ToHaveCountAsync(0);
        await Page.Locator("#check-health").ClickAsync();

        await Assertions.Expect(Page.Locator("#health-banner")).ToContainTextAsync("The original page is gone: your copy is the only one.");
        await Assertions.Expect(Page.Locator("#health-banner")).ToContainTextAsync("The server answers 404 Not Found.");
        await Assertions.Expect(Page.Locator(".actions .health")).ToHaveTextAsync("Gone");
        await ScreenshotsAsync("banner");

        await GotoAsync($"/links/{_stays}");
        await Page.Locator("#check-health").ClickAsync();
        await Assertions.Expect(Page.Locator(".actions .health")).ToHaveTextAsync("Original online");
        await Assertions.Expect(Page.Locator("#health-banner")).ToHaveCountAsync(0);

        await GotoAsync("/");
        await Page.Locator("#filter-health").SelectOptionAsync("gone");
        await Assertions.Expect(Page.Locator("article.card")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator($"article.card[data-id='{_essay}'] .health")).ToHaveTextAsync("Gone");
        Assert.That(Page.Url, Does.Contain("health=gone"), "the filtered view can be bookmarked");
        await ScreenshotsAsync("filter");
    }

    [Test]
    public async Task Check_all_originals_checks_every_link_says_how_far_it_is_and_updates_the_badges()
    {
        var before = (await GetJsonAsync($"/api/links/{_stays}/health")).GetArrayLength();
        await GotoAsync("/");
        await Assertions.Expect(Page.Locator("#check-all")).ToHaveTextAsync("Check all originals");
        await Page.Locator("#check-all").ClickAsync();

        await Assertions.Expect(Page.Locator("#check-all-progress")).ToHaveTextAsync("Checked 2 originals: 1 gone", new() { Timeout = 30_000 });
        await Assertions.Expect(Page.Locator($"article.card[data-id='{_essay}'] .health")).ToHaveTextAsync("Gone");
        await Assertions.Expect(Page.Locator($"article.card[data-id='{_stays}'] .health")).ToHaveTextAsync("Original online");
        Assert.That((await GetJsonAsync($"/api/links/{_stays}/health")).GetArrayLength(), Is.EqualTo(before + 1), "one more check in its history");
        await ScreenshotsAsync("check-all");
    }
}
