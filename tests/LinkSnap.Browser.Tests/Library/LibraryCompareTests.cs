using LinkSnap.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Library;

/// <summary>The link page's Compare tab and Versions panel over two real captures of pages that changed in between.</summary>
public sealed class LibraryCompareTests : LibraryPageTestBase
{
    private int _version = 1;
    private long _garden;
    private long _gardenFirst;
    private long _gardenSecond;
    private long _chinese;

    protected override void MapSite(FixtureServer site)
    {
        site.Map("/garden", context => Html(context, $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{(_version == 1 ? "Garden notes" : "Garden notes (updated)")}</title></head>
            <body style="margin:0;font:16px sans-serif"><article><h1>Garden notes</h1>
            <p>The garden wakes early in spring, and the archivist walks along the beds to note what has come up since the last frost.</p>
            <p>Under the apple tree the {(_version == 1 ? "lazy" : "sleepy")} dog watches the bees move from one blossom to the next all morning.</p>
            <div style="width:320px;height:160px;background:{(_version == 1 ? "#22aa66" : "#cc3333")}"></div>
            <p>By the evening the beds are watered, the tools are cleaned and the notebook has one more page of careful observations.</p>
            </article></body></html>
            """));
        site.Map("/zh", context => Html(context, $"""
            <!doctype html><html lang="zh"><head><meta charset="utf-8"><title>园艺笔记</title></head>
            <body><article><h1>园艺笔记</h1>
            <p>春天的早晨，档案管理员沿着花坛散步，记录下最后一次霜冻之后长出来的植物。今天天气{(_version == 1 ? "很" : "不")}好，我们一起去公园看花。</p>
            <p>傍晚时分，花坛已经浇过水，工具也清洗干净，笔记本上又多了一页仔细的观察记录。</p>
            </article></body></html>
            """));
    }

    protected override async Task SeedAsync()
    {
        (_garden, _gardenFirst, _) = await Daemon.CaptureAsync(Site.Url("/garden"));
        (_chinese, _, _) = await Daemon.CaptureAsync(Site.Url("/zh"));
        _version = 2;
        long again;
        (again, _gardenSecond, _) = await Daemon.CaptureAsync(Site.Url("/garden"));
        Assert.That(again, Is.EqualTo(_garden), "a second capture of a URL is a new version of the same link");
        await Daemon.CaptureAsync(Site.Url("/zh"));
    }

    [Test]
    public async Task Compare_marks_the_changed_words_the_changed_screenshot_region_and_the_new_title()
    {
        await GotoAsync($"/links/{_garden}?tab=compare");

        await Assertions.Expect(Page.Locator("#compare-summary")).ToContainTextAsync("+1 −1 words, title changed, screenshot");
        await Assertions.Expect(Page.Locator("#diff-text del")).ToHaveTextAsync("lazy");
        await Assertions.Expect(Page.Locator("#diff-text ins")).ToHaveTextAsync("sleepy");
        Assert.That(await Page.Locator("#overlay .region").CountAsync(), Is.GreaterThan(0));
        await Assertions.Expect(Page.Locator("#overlay-share")).ToContainTextAsync("% of the pixels changed");
        await Assertions.Expect(Page.Locator("#compare-meta tr[data-field=title].changed td").Last).ToHaveTextAsync("Garden notes (updated)");
        await Assertions.Expect(Page.Locator($".change[data-snapshot='{_gardenSecond}']")).ToHaveTextAsync("+1 −1 words, title changed");
        await Assertions.Expect(Page.Locator($".change[data-snapshot='{_gardenFirst}']")).ToHaveTextAsync("first version");
        await ScreenshotsAsync("latin");
    }

    [Test]
    public async Task Chinese_text_is_compared_character_by_character()
    {
        await GotoAsync($"/links/{_chinese}?tab=compare");

        await Assertions.Expect(Page.Locator("#compare-summary")).ToContainTextAsync("+1 −1 characters", new() { Timeout = 30_000 });
        await Assertions.Expect(Page.Locator("#diff-text del")).ToHaveTextAsync("很");
        await Assertions.Expect(Page.Locator("#diff-text ins")).ToHaveTextAsync("不");
        await ScreenshotsAsync("chinese");
    }

    [Test]
    public async Task The_link_page_offers_the_changes_since_the_version_last_read()
    {
        await GotoAsync($"/links/{_garden}?snapshot={_gardenFirst}&tab=info");
        await Assertions.Expect(Page.Locator("#versions")).ToBeVisibleAsync();
        await GotoAsync($"/links/{_garden}");

        await Page.Locator("#changes-since").ClickAsync();

        await Assertions.Expect(Page.Locator("#compare-before")).ToHaveValueAsync(_gardenFirst.ToString());
        await Assertions.Expect(Page.Locator("#compare-after")).ToHaveValueAsync(_gardenSecond.ToString());
        await Assertions.Expect(Page.Locator("#diff-text ins")).ToHaveTextAsync("sleepy");
    }

    private static async Task Html(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html);
    }
}
