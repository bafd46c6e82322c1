using System.Text.Json;
using LinkSnap.Api;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Storage;
using Microsoft.Playwright;
using NUnit.Framework;
using LinkSnap.Testing;

namespace LinkSnap.Browser.Tests.Extension;

/// <summary>
/// The extension used as a person would: save from the popup, "Snapshot this link" (its tag prompt), the keyboard
/// command with the daemon's default tags, an as-seen copy of a page changed after load, a save while LinkSnap is
/// down that arrives once it is back, and LinkSnap stopped on purpose and started from the popup.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ExtensionEndToEndTests
{
    private ExtensionHarness _harness = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _harness = await ExtensionHarness.StartAsync();
        _harness.Server
            .MapHtml("/article", Page("Tide tables of the northern coast", "<p>High water at 06:12 and 18:40.</p>"))
            .MapHtml("/tagged-before", Page("Earlier reading", "<p>Saved before, to give the user a tag.</p>"))
            .MapHtml("/changing", Page("Changing page", "<p id='live'>Original text from the server.</p>"))
            .MapHtml("/offline", Page("Saved while offline", "<p>Kept in the extension until LinkSnap is back.</p>"));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _harness.DisposeAsync();

    [Test]
    public async Task Popup_saves_the_page_with_two_tags_one_picked_from_autocomplete()
    {
        await _harness.Api.PostAsync("api/captures", new { url = Url("/tagged-before"), tags = new[] { "research/oceans" }, mode = "fresh" });
        await _harness.WaitForSavedAsync(Url("/tagged-before"));
        var tab = await OpenAsync("/article");
        var popup = await _harness.OpenPopupAsync(tab);
        await Assertions.Expect(popup.Locator("#page-title")).ToHaveTextAsync("Tide tables of the northern coast");
        await Assertions.Expect(popup.Locator("body")).ToHaveAttributeAsync("data-tags-loaded", "true");

        await popup.Locator("#tags").FillAsync("");
        await popup.Locator("#tags").PressSequentiallyAsync("resea");
        var suggestion = popup.Locator("#tag-suggestions li", new() { HasText = "research/oceans" });
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        await suggestion.ClickAsync();
        await popup.Locator("#tags").PressSequentiallyAsync("tides");
        await popup.Locator("#note").FillAsync("for the sailing trip");
        await popup.Locator("#tags").PressAsync("Enter");

        await Assertions.Expect(popup.Locator("#state")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 90_000 });
        await Assertions.Expect(popup.Locator("#state")).ToHaveTextAsync("Saved ✓");
        var (link, snapshot) = await _harness.WaitForSavedAsync(Url("/article"));
        Assert.That(link.Tags, Is.EquivalentTo(new[] { "research/oceans", "tides" }));
        Assert.That(link.Note, Is.EqualTo("for the sailing trip"));
        Assert.That(snapshot.Mode, Is.EqualTo(CaptureMode.AsSeen));
        Assert.That(snapshot.Status, Is.EqualTo(SnapshotStatus.Done));
        var html = await ArtifactTextAsync(snapshot, "html");
        Assert.That(html, Does.Contain("High water at 06:12"));

        // Opening the popup again says it is already saved.
        var again = await _harness.OpenPopupAsync(tab);
        await Assertions.Expect(again.Locator("#saved-before")).ToContainTextAsync("Already saved once");
        await again.CloseAsync();

        // "Open in library" signs the tab in (login link) and then shows this link's page.
        var linkPage = $"/links/{link.Id}";
        var opened = _harness.Browser.WaitForPageAsync(new() { Timeout = 30_000 });
        await popup.Locator("#snapshot-link").ClickAsync();
        var library = await opened;
        // The link page adds its tab and version to the query (history.replaceState), so only the path is compared.
        await library.WaitForURLAsync(url => new Uri(url).AbsolutePath == linkPage, new() { Timeout = 30_000 });
        var apiStatus = await library.EvaluateAsync<int>($"() => fetch('/api/links/{link.Id}').then(r => r.status)");
        Assert.That(apiStatus, Is.EqualTo(200), "the library tab has a session");
        await library.CloseAsync();
        await tab.CloseAsync();
    }

    [Test]
    public async Task As_seen_copy_contains_what_script_changed_after_load()
    {
        var tab = await OpenAsync("/changing");
        var token = "changed-after-load-" + Guid.NewGuid().ToString("N")[..8];
        await tab.EvaluateAsync("t => { document.getElementById('live').textContent = t; document.body.insertAdjacentHTML('beforeend', '<p id=added>Added later</p>'); }", token);

        var popup = await _harness.OpenPopupAsync(tab);
        await Assertions.Expect(popup.Locator("#mode")).ToHaveValueAsync("as-seen");
        await popup.Locator("#save").ClickAsync();
        await Assertions.Expect(popup.Locator("#state")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 90_000 });

        var (_, snapshot) = await _harness.WaitForSavedAsync(Url("/changing"));
        var html = await ArtifactTextAsync(snapshot, "html");
        Assert.That(html, Does.Contain(token));
        Assert.That(html, Does.Contain("Added later"));
        Assert.That(html, Does.Not.Contain("Original text from the server."));
        await Assertions.Expect(popup.Locator("body")).ToHaveAttributeAsync("data-state", "done");
        await WaitForBadgeAsync(popup, "✓");
        await popup.CloseAsync();
        await tab.CloseAsync();
    }

    [Test]
    public async Task A_save_while_linksnap_is_down_is_pending_and_arrives_when_it_is_back()
    {
        var tab = await OpenAsync("/offline");
        await _harness.StopDaemonAsync();
        try
        {
            var popup = await _harness.OpenPopupAsync(tab);
            await popup.Locator("#tags").FillAsync("later");
            await popup.Locator("#save").ClickAsync();
            await Assertions.Expect(popup.Locator("#state")).ToHaveAttributeAsync("data-state", "pending", new() { Timeout = 30_000 });
            await Assertions.Expect(popup.Locator("#state")).ToContainTextAsync("Pending");
            var pending = await popup.EvaluateAsync<JsonElement>("() => chrome.runtime.sendMessage({ kind: 'pending' })");
            Assert.That(pending.GetProperty("result").GetArrayLength(), Is.EqualTo(1));
            await WaitForBadgeAsync(popup, "⏸");
            await popup.CloseAsync();

            // Reopened while LinkSnap is still away, the popup says this page waits in the extension.
            var offline = await _harness.OpenPopupAsync(tab);
            await Assertions.Expect(offline.Locator("#pending-here")).ToContainTextAsync("Waiting to be sent", new() { Timeout = 30_000 });
            await offline.CloseAsync();
        }
        finally
        {
            await _harness.StartDaemonAsync();
        }

        // Opening the popup again (any message to the host) sends what was kept.
        var reopened = await _harness.OpenPopupAsync(tab);
        var (link, snapshot) = await _harness.WaitForSavedAsync(Url("/offline"));
        await Assertions.Expect(reopened.Locator("#pending-here")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        Assert.That(link.Tags, Is.EqualTo(new[] { "later" }));
        Assert.That(snapshot.Status, Is.EqualTo(SnapshotStatus.Done));
        Assert.That(await ArtifactTextAsync(snapshot, "html"), Does.Contain("Kept in the extension until LinkSnap is back."));
        await reopened.CloseAsync();
        await tab.CloseAsync();
    }

    /// <summary>The toolbar badge (read through the action API from an extension page), polled with a bound.</summary>
    private static Task WaitForBadgeAsync(IPage extensionPage, string expected) =>
        Eventually.ValueAsync(
            () => extensionPage.EvaluateAsync<string>("() => chrome.action.getBadgeText({})"),
            badge => badge == expected, TimeSpan.FromSeconds(30), badge => $"the badge to show \"{expected}\" (it shows \"{badge}\")");

    private string Url(string path) => _harness.Server.Url(path).ToString();

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await _harness.Browser.NewPageAsync();
        await page.GotoAsync(Url(path));
        return page;
    }

    private async Task<string> ArtifactTextAsync(SnapshotDto snapshot, string kind)
    {
        var artifact = snapshot.Artifacts!.First(a => a.Kind == kind);
        return await _harness.Api.GetTextAsync($"api/snapshots/{snapshot.Id}/files/{Uri.EscapeDataString(artifact.FileName!)}");
    }

    private static string Page(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>";
}
