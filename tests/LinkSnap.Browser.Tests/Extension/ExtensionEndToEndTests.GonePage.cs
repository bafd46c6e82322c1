using LinkSnap.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Extension;

/// <summary>"Open your saved copy": a page saved earlier that now answers 404 (issue 15 item 6).</summary>
public sealed partial class ExtensionEndToEndTests
{
    [Test]
    public async Task A_saved_page_that_now_answers_404_shows_on_the_badge_and_the_popup_opens_the_saved_copy()
    {
        var removed = false;
        _harness.Server.Map("/vanishing", async context =>
        {
            context.Response.StatusCode = removed ? 404 : 200;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(removed ? Page("Not Found", "<p>Nothing here any more.</p>") : Page("A page that will vanish", "<p>Read it while you can.</p>"));
        });
        await _harness.Api.PostAsync("api/captures", new { url = Url("/vanishing"), mode = "fresh" });
        var (link, _) = await _harness.WaitForSavedAsync(Url("/vanishing"));
        var linkId = link.Id;
        removed = true;

        var tab = await OpenAsync("/vanishing");
        var helper = await _harness.Browser.NewPageAsync();
        await helper.GotoAsync(_harness.ExtensionUrl("popup/popup.html"));
        var tabId = await _harness.TabIdAsync(helper, tab.Url);
        await WaitForTabBadgeAsync(helper, tabId, "404");
        Assert.That(await helper.EvaluateAsync<string>("() => chrome.action.getBadgeText({})"), Is.Not.EqualTo("404"), "only that tab's badge");
        await helper.CloseAsync();

        var popup = await _harness.OpenPopupAsync(tab);
        await Assertions.Expect(popup.Locator("#gone")).ToBeVisibleAsync();
        await Assertions.Expect(popup.Locator("#gone-text")).ToContainTextAsync("This page now answers 404. You saved a copy on");
        var opened = _harness.Browser.WaitForPageAsync(new() { Timeout = 30_000 });
        await popup.Locator("#open-saved-copy").ClickAsync();
        var library = await opened;
        await library.WaitForURLAsync(url => url.EndsWith($"/links/{linkId}", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Assertions.Expect(library.Locator("#link-title")).ToHaveTextAsync("A page that will vanish", new() { Timeout = 30_000 });
        await library.CloseAsync();

        // The page answers again: the tab's badge is given back.
        removed = false;
        await tab.ReloadAsync();
        var check = await _harness.Browser.NewPageAsync();
        await check.GotoAsync(_harness.ExtensionUrl("popup/popup.html"));
        await WaitForTabBadgeAsync(check, tabId, await check.EvaluateAsync<string>("() => chrome.action.getBadgeText({})"));
        await check.CloseAsync();
        await tab.CloseAsync();
    }

    [Test]
    public async Task A_saved_page_whose_site_no_longer_answers_shows_the_error_on_the_badge_and_the_popup_opens_the_saved_copy()
    {
        // Its own server, so that its port can be closed: the tab then ends in Chromium's error page.
        string url;
        long linkId;
        await using (var site = await FixtureServer.StartAsync())
        {
            site.MapHtml("/closing", Page("A site that will close", "<p>Its server is about to stop.</p>"));
            url = site.Url("/closing").ToString();
            await _harness.Api.PostAsync("api/captures", new { url, mode = "fresh" });
            var (link, _) = await _harness.WaitForSavedAsync(url);
            linkId = link.Id;
        }

        var tab = await _harness.Browser.NewPageAsync();
        var refused = "";
        try
        {
            await tab.GotoAsync(url);
        }
        catch (PlaywrightException e)
        {
            refused = e.Message;
        }

        Assert.That(refused, Does.Contain("ERR_CONNECTION_REFUSED"), "the port is closed");

        var popup = await _harness.Browser.NewPageAsync();
        await popup.GotoAsync(_harness.ExtensionUrl("popup/popup.html"));
        var tabId = await _harness.TabIdAsync(popup, url); // the tab keeps the URL it tried; its page is chrome-error://
        await WaitForTabBadgeAsync(popup, tabId, "✕");
        await popup.GotoAsync(_harness.ExtensionUrl($"popup/popup.html?tab={tabId}"));
        await Assertions.Expect(popup.Locator("#gone")).ToBeVisibleAsync();
        await Assertions.Expect(popup.Locator("#gone-text")).ToContainTextAsync("This page did not load (net::ERR_CONNECTION_REFUSED). You saved a copy on");
        var opened = _harness.Browser.WaitForPageAsync(new() { Timeout = 30_000 });
        await popup.Locator("#open-saved-copy").ClickAsync();
        var library = await opened;
        await library.WaitForURLAsync(u => u.EndsWith($"/links/{linkId}", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Assertions.Expect(library.Locator("#link-title")).ToHaveTextAsync("A site that will close", new() { Timeout = 30_000 });
        await library.CloseAsync();
        await popup.CloseAsync();
        await tab.CloseAsync();
    }

    /// <summary>
    /// The badge of one tab (read through the action API from an extension page), polled with a bound.
    /// A failure also says what the extension kept for the tab and what the relay last logged.
    /// </summary>
    private async Task WaitForTabBadgeAsync(IPage extensionPage, int tabId, string expected) =>
        await Eventually.ValueAsync(
            async () => new TabBadge(
                await extensionPage.EvaluateAsync<string>("tabId => chrome.action.getBadgeText({ tabId })", tabId),
                await extensionPage.EvaluateAsync<string>("async tabId => JSON.stringify(await chrome.storage.session.get(`gone-tab-${tabId}`))", tabId)),
            seen => seen.Badge == expected, TimeSpan.FromSeconds(30),
            seen => $"tab {tabId}'s badge to show \"{expected}\" (it shows \"{seen.Badge}\"; kept for the tab: {seen.Kept}; relay log ends: {RelayLogTail()})");

    private string RelayLogTail()
    {
        var log = Path.Combine(_harness.DataDirectory, "logs", "relay.log");
        return File.Exists(log) ? string.Join(" | ", File.ReadLines(log).TakeLast(5)) : "(no relay log)";
    }

    private sealed record TabBadge(string Badge, string Kept);
}
