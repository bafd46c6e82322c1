using LinkSnap.Api;
using LinkSnap.Watch;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Extension;

/// <summary>The popup on a page already in the library: edit the link (no new version), or save it again (a new version).</summary>
public sealed partial class ExtensionEndToEndTests
{
    [Test]
    public async Task Popup_on_a_saved_page_edits_tags_note_state_and_watch_without_a_new_version_and_Save_again_makes_one()
    {
        _harness.Server
            .MapHtml("/harbour", Page("Harbour opening hours", "<p>The harbour office opens at 07:00.</p>"))
            .MapHtml("/sailing", Page("Sailing routes", "<p>Routes along the coast.</p>"));
        await _harness.Api.PostAsync("api/captures", new { url = Url("/sailing"), tags = new[] { "sailing/routes" }, mode = "fresh" });
        await _harness.Api.PostAsync("api/captures", new { url = Url("/harbour"), tags = new[] { "harbour", "to-sort" }, note = "check in spring", mode = "fresh" });
        await _harness.WaitForSavedAsync(Url("/sailing"));
        var (link, _) = await _harness.WaitForSavedAsync(Url("/harbour"));
        var linkId = link.Id;

        var tab = await OpenAsync("/harbour");
        var popup = await _harness.OpenPopupAsync(tab);
        await Assertions.Expect(popup.Locator("body")).ToHaveAttributeAsync("data-saved", "true");
        await Assertions.Expect(popup.Locator("body")).ToHaveAttributeAsync("data-tags-loaded", "true");
        await Assertions.Expect(popup.Locator("#saved-before")).ToContainTextAsync("Already saved once");
        await Assertions.Expect(popup.Locator("#tag-chips li span")).ToHaveTextAsync(new[] { "harbour", "to-sort" });
        await Assertions.Expect(popup.Locator("#note")).ToHaveValueAsync("check in spring");
        await Assertions.Expect(popup.Locator("#state-favorite")).Not.ToBeCheckedAsync();
        await Assertions.Expect(popup.Locator("#watch")).ToHaveValueAsync("off");
        await Assertions.Expect(popup.Locator("#save")).ToHaveTextAsync("Save changes");
        await Assertions.Expect(popup.Locator("#save-again")).ToBeVisibleAsync();

        // Remove one tag, add one from the autocomplete and one typed; Enter makes chips, not a save.
        await popup.GetByRole(AriaRole.Button, new() { Name = "Remove tag to-sort" }).ClickAsync();
        await popup.Locator("#tags").PressSequentiallyAsync("sail");
        await popup.Locator("#tag-suggestions li", new() { HasText = "sailing/routes" }).ClickAsync();
        await popup.Locator("#tags").PressSequentiallyAsync("tides");
        await popup.Locator("#tags").PressAsync("Enter");
        await Assertions.Expect(popup.Locator("#tag-chips li span")).ToHaveTextAsync(new[] { "harbour", "sailing/routes", "tides" });
        await Assertions.Expect(popup.Locator("#progress")).ToBeHiddenAsync();

        // An input method's Enter (composing pinyin) commits the word, not a chip.
        await popup.Locator("#tags").FillAsync("港口");
        await popup.Locator("#tags").DispatchEventAsync("keydown", new { key = "Enter", isComposing = true, bubbles = true, cancelable = true });
        await Assertions.Expect(popup.Locator("#tags")).ToHaveValueAsync("港口");
        await Assertions.Expect(popup.Locator("#tag-chips li")).ToHaveCountAsync(3);
        await popup.Locator("#tags").FillAsync("");
        await popup.Locator("#note").FillAsync("check in autumn");
        await popup.Locator("#state-favorite").CheckAsync();
        await popup.Locator("#state-private").CheckAsync();
        await popup.Locator("#watch").SelectOptionAsync("weekly");
        await ScreenshotsAsync(popup, "saved-page");

        await popup.Locator("#save").ClickAsync();
        await Assertions.Expect(popup.Locator("#state")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await Assertions.Expect(popup.Locator("#state")).ToHaveTextAsync("Changes saved ✓ (no new version)");

        var edited = await _harness.Api.GetAsync<LinkDto>($"api/links/{linkId}");
        Assert.That(edited.Tags, Is.EquivalentTo(new[] { "harbour", "sailing/routes", "tides" }));
        Assert.That(edited.Note, Is.EqualTo("check in autumn"));
        Assert.That(edited.Favorite, Is.True);
        Assert.That(edited.Read, Is.False);
        Assert.That(edited.Private, Is.True, "the popup sets private");
        Assert.That(edited.SnapshotCount, Is.EqualTo(1), "Save changes makes no new version");
        var watch = await _harness.Api.GetAsync<WatchDto>($"api/links/{linkId}/watch");
        Assert.That(watch.Every, Is.EqualTo("weekly"));

        // Reopened, the popup shows what was saved; "Save again" then makes a second version.
        await popup.CloseAsync();
        popup = await _harness.OpenPopupAsync(tab);
        await Assertions.Expect(popup.Locator("#tag-chips li span")).ToHaveTextAsync(new[] { "harbour", "sailing/routes", "tides" });
        await Assertions.Expect(popup.Locator("#state-favorite")).ToBeCheckedAsync();
        await Assertions.Expect(popup.Locator("#state-private")).ToBeCheckedAsync();
        await Assertions.Expect(popup.Locator("#watch")).ToHaveValueAsync("weekly");
        await popup.Locator("#save-again").ClickAsync();
        await Assertions.Expect(popup.Locator("#state")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 90_000 });
        var again = await _harness.Api.GetAsync<LinkDto>($"api/links/{linkId}");
        Assert.That(again.SnapshotCount, Is.EqualTo(2), "Save again makes a new version");
        Assert.That(again.Tags.Count, Is.EqualTo(3), "and keeps the tags");
        Assert.That(again.Note, Is.EqualTo("check in autumn"));
        await popup.CloseAsync();

        // With LinkSnap down an edit is not queued (it changes a link the extension cannot see): the
        // popup says plainly that it needs LinkSnap, and the edit stays in the form.
        popup = await _harness.OpenPopupAsync(tab);
        await Assertions.Expect(popup.Locator("body")).ToHaveAttributeAsync("data-saved", "true");
        await _harness.StopDaemonAsync();
        try
        {
            await popup.Locator("#note").FillAsync("check in winter");
            await popup.Locator("#save").ClickAsync();
            await Assertions.Expect(popup.Locator("#state")).ToHaveAttributeAsync("data-state", "failed", new() { Timeout = 30_000 });
            await Assertions.Expect(popup.Locator("#state")).ToContainTextAsync("LinkSnap is not running, so the changes were not saved");
            await Assertions.Expect(popup.Locator("#note")).ToHaveValueAsync("check in winter");
        }
        finally
        {
            await _harness.StartDaemonAsync();
        }

        await popup.CloseAsync();
        await tab.CloseAsync();
    }

    /// <summary>The popup at 360 px in the light and the dark theme, kept as test attachments.</summary>
    private static async Task ScreenshotsAsync(IPage popup, string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await popup.SetViewportSizeAsync(360, 640);
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await popup.EmulateMediaAsync(new() { ColorScheme = scheme });
            var path = Path.Combine(folder, $"popup-{name}-360-{scheme.ToString().ToLowerInvariant()}.png");
            await popup.ScreenshotAsync(new() { Path = path, FullPage = true });
            TestContext.AddTestAttachment(path, $"popup, {name}, 360 px, {scheme}");
        }

        await popup.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
    }
}
