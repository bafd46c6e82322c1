using Microsoft.Playwright;
using NUnit.Framework;
using static Microsoft.Playwright.Assertions;

namespace LinkSnap.Browser.Tests.Library;

/// <summary>The "Add link" box: the link shows at once and follows its capture live to "done".</summary>
[TestFixture]
public sealed class AddLinkTests : LibraryPageTestBase
{
    protected override void MapSite(LinkSnap.Testing.FixtureServer site)
    {
        site.MapHtml("/harbour.html", """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour notes</title></head>
            <body><article><h1>Harbour notes</h1><p>Boats rest in the harbour while the tide turns slowly.</p>
            <p>The harbour master keeps a log of every arrival and departure.</p></article></body></html>
            """);
    }

    [Test]
    public async Task AddedLinkAppearsAtOnceAndReachesDoneLive()
    {
        await GotoAsync("/");
        await Expect(Page.Locator("#summary")).ToHaveTextAsync("0 links");
        await Page.FillAsync("#add-url", Site.Url("/harbour.html").ToString());
        await Page.FillAsync("#add-tags", "boats, sea");
        await Page.ClickAsync("#add-form button[type=submit]");

        var card = Page.Locator(".card").First;
        await Expect(card).ToContainTextAsync("harbour.html");
        await Expect(card.Locator(".tag")).ToHaveTextAsync(new[] { "boats×", "sea×" });
        await Expect(card.Locator(".status")).ToHaveTextAsync("done", new() { Timeout = 60000 });
        await Expect(card.Locator(".title")).ToHaveTextAsync("Harbour notes");
        await Expect(card.Locator(".thumb img")).ToBeVisibleAsync();
        await Expect(Page.Locator("#add-url")).ToHaveValueAsync("");
        await ScreenshotsAsync("added");

        var links = await GetJsonAsync("/api/links");
        Assert.That(links.GetProperty("total").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task BadLinkShowsTheDaemonsReason()
    {
        await GotoAsync("/");
        await Page.FillAsync("#add-url", "javascript:alert(1)");
        await Page.ClickAsync("#add-form button[type=submit]");
        await Expect(Page.Locator("#notice")).ToBeVisibleAsync();
        await Expect(Page.Locator("#notice")).ToContainTextAsync("http");
    }
}
