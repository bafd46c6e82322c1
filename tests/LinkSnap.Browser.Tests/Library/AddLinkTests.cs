using Microsoft.Playwright;
using NUnit.Framework;
using static Microsoft.Playwright.Assertions;

namespace LinkSnap.Browser.Tests.Library;

/// <summary>
/// The "Add link" box: the link shows at once and follows its capture live to "done"; the same link again
/// says it was already saved; what cannot be captured is refused before anything is queued (issue 17 item 8).
/// </summary>
[TestFixture]
public sealed class AddLinkTests : LibraryPageTestBase
{
    // Private addresses are refused as in a real install; only the fixture site's 127.0.0.1 is allowed.
    protected override Dictionary<string, string> DaemonSettings => new() { ["Capture:AllowPrivateTargets"] = "false", ["Capture:AllowedPrivateHosts:0"] = "127.0.0.1" };

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

        // The same link again: a new version of the link already saved, and the page says so.
        await Page.FillAsync("#add-url", Site.Url("/harbour.html").ToString());
        await Page.ClickAsync("#add-form button[type=submit]");
        await Expect(Page.Locator("#toasts")).ToContainTextAsync("Already in your library — saved again as a new version");
        await Expect(Page.Locator("#toasts")).ToContainTextAsync("Saved again as a new version", new() { Timeout = 60000 });
        var again = await GetJsonAsync("/api/links");
        Assert.That(again.GetProperty("total").GetInt32(), Is.EqualTo(1), "no second link");
        var saved = await GetJsonAsync("/api/lookup?url=" + Uri.EscapeDataString(Site.Url("/harbour.html").ToString()));
        Assert.That(saved.GetProperty("snapshotCount").GetInt32(), Is.EqualTo(2), "a second version");
    }

    [Test]
    public async Task What_cannot_be_captured_is_refused_in_plain_words_before_queueing()
    {
        await GotoAsync("/");
        // Bare addresses get https:// (then are refused: they are private); a script URL is not a page.
        await Page.FillAsync("#add-url", "javascript:alert(1)\n10.1.2.3/page 192.168.0.9");
        await Page.ClickAsync("#add-form button[type=submit]");
        var refused = Page.Locator("#add-invalid");
        await Expect(refused).ToBeVisibleAsync();
        await Expect(refused).ToContainTextAsync("javascript: URLs are scripts, not pages");
        await Expect(refused).ToContainTextAsync("https://10.1.2.3/page — 10.1.2.3 is an address on this computer or a private network");
        await Expect(refused).ToContainTextAsync("3 entries were not saved");
        await Expect(Page.Locator("#add-url")).ToHaveValueAsync("javascript:alert(1)\nhttps://10.1.2.3/page\nhttps://192.168.0.9");
        var lookup = await GetJsonAsync("/api/lookup?url=" + Uri.EscapeDataString("https://10.1.2.3/page"));
        Assert.That(lookup.GetProperty("saved").GetBoolean(), Is.False, "nothing was queued");
    }
}
