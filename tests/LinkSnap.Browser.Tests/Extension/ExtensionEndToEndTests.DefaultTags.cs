using System.Text.Json;
using LinkSnap.Api;
using LinkSnap.Core.Capture;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Extension;

/// <summary>
/// The default tags live in the daemon (issue 17 item 5): moved there from an older extension's storage, edited
/// in the options page through the relay, given to the keyboard command's capture, renamed with the library's
/// tags; and "Snapshot this link" asks for tags in a small prompt first.
/// </summary>
public sealed partial class ExtensionEndToEndTests
{
    [Test]
    public async Task Default_tags_move_to_the_daemon_are_edited_in_options_given_to_the_shortcut_and_follow_a_tag_rename()
    {
        _harness.Server.MapHtml("/shortcut", Page("Saved by the keyboard", "<p>No popup was opened for this one.</p>"));
        var options = await _harness.Browser.NewPageAsync();
        await options.GotoAsync(_harness.ExtensionUrl("options/options.html"));
        // What an older version of the extension kept: moved to the daemon once, then forgotten here.
        await options.EvaluateAsync("() => chrome.storage.local.set({ settings: { defaultTags: ['legacy-inbox'], defaultMode: 'fresh' } })");
        try
        {
            await options.ReloadAsync();
            await Assertions.Expect(options.Locator("#default-tags")).ToHaveValueAsync("legacy-inbox, ", new() { Timeout = 30_000 });
            Assert.That(await DefaultTagsAsync(), Is.EqualTo(new[] { "legacy-inbox" }));
            var stored = await options.EvaluateAsync<JsonElement>("() => chrome.storage.local.get('settings').then(s => s.settings)");
            Assert.That(stored.TryGetProperty("defaultTags", out _), Is.False, "moved, not kept twice: " + stored);

            await options.Locator("#default-tags").FillAsync("from-keyboard, notes/raw");
            await options.Locator("#defaults button[type=submit]").ClickAsync();
            await Assertions.Expect(options.Locator("#saved")).ToHaveTextAsync("Saved.");
            Assert.That(await DefaultTagsAsync(), Is.EqualTo(new[] { "from-keyboard", "notes/raw" }));

            var tab = await OpenAsync("/shortcut");
            await tab.BringToFrontAsync();
            // What commands.onCommand runs for Alt+Shift+S (headless Chromium has no key binding to press).
            var reply = await options.EvaluateAsync<JsonElement>("() => chrome.runtime.sendMessage({ kind: 'command', command: 'save-page' })");
            Assert.That(reply.GetProperty("ok").GetBoolean(), Is.True, reply.ToString());
            var (link, snapshot) = await _harness.WaitForSavedAsync(Url("/shortcut"));
            Assert.That(link.Tags, Is.EqualTo(new[] { "from-keyboard", "notes/raw" }));
            Assert.That(snapshot.Mode, Is.EqualTo(CaptureMode.Fresh));
            Assert.That(await ArtifactTextAsync(snapshot, "html"), Does.Contain("No popup was opened for this one."));
            await tab.CloseAsync();

            // The library renames a parent (its subtree follows) and merges a tag: the defaults follow both.
            await _harness.Api.PostAsync("api/tags/rename", new { from = "notes", to = "archive/notes" });
            await _harness.Api.PostAsync("api/tags/merge", new { from = new[] { "from-keyboard" }, into = "inbox" });
            Assert.That(await DefaultTagsAsync(), Is.EqualTo(new[] { "inbox", "archive/notes/raw" }));
            await options.ReloadAsync();
            await Assertions.Expect(options.Locator("#default-tags")).ToHaveValueAsync("inbox, archive/notes/raw, ", new() { Timeout = 30_000 });
        }
        finally
        {
            await _harness.Api.PutAsync("api/default-tags", new { tags = Array.Empty<string>() });
            await options.EvaluateAsync("() => chrome.storage.local.remove('settings')");
            await options.CloseAsync();
        }
    }

    [Test]
    public async Task Snapshot_this_link_asks_for_tags_in_a_prompt_and_captures_the_link_target_not_the_tab()
    {
        _harness.Server
            .MapHtml("/links", Page("Reading list", "<p><a id='target' href='/link-target'>The target</a> <a id='other' href='/not-wanted'>Other</a></p>"))
            .MapHtml("/link-target", Page("Link target page", "<p>This is what the link points to.</p>"))
            .MapHtml("/not-wanted", Page("Not wanted", "<p>Escape was pressed for this one.</p>"))
            .MapHtml("/reading", Page("Tagged before", "<p>Gives the library a tag to suggest.</p>"));
        await _harness.Api.PostAsync("api/captures", new { url = Url("/reading"), tags = new[] { "reading/links" }, mode = "fresh" });
        await _harness.WaitForSavedAsync(Url("/reading"));
        await _harness.Api.PutAsync("api/default-tags", new { tags = new[] { "from-menu" } });
        var tab = await OpenAsync("/links");
        var helper = await _harness.Browser.NewPageAsync();
        await helper.GotoAsync(_harness.ExtensionUrl("options/options.html"));
        try
        {
            var tabId = await _harness.TabIdAsync(helper, tab.Url);
            var prompt = await OpenLinkPromptAsync(helper, tabId, await tab.Locator("#target").EvaluateAsync<string>("a => a.href"));
            await Assertions.Expect(prompt.Locator("#link-url")).ToHaveTextAsync(Url("/link-target"));
            await Assertions.Expect(prompt.Locator("#tags")).ToHaveValueAsync("from-menu, ", new() { Timeout = 30_000 });

            // An input method's Enter commits the word; it does not save.
            await prompt.Locator("#tags").PressSequentiallyAsync("阅读");
            await prompt.Locator("#tags").DispatchEventAsync("keydown", new { key = "Enter", keyCode = 229, isComposing = true, bubbles = true, cancelable = true });
            await Assertions.Expect(prompt.Locator("#state")).ToBeHiddenAsync();
            await prompt.Locator("#tags").FillAsync("from-menu, ");

            // A suggestion picked with the keyboard, one typed, then Enter saves and the prompt closes.
            await prompt.Locator("#tags").PressSequentiallyAsync("read");
            await Assertions.Expect(prompt.Locator("#tag-suggestions li", new() { HasText = "reading/links" })).ToBeVisibleAsync();
            await prompt.Locator("#tags").PressAsync("ArrowDown");
            await prompt.Locator("#tags").PressAsync("Enter");
            await Assertions.Expect(prompt.Locator("#tags")).ToHaveValueAsync("from-menu, reading/links, ");
            await prompt.Locator("#tags").PressSequentiallyAsync("quick");
            await ClosesAsync(prompt, () => prompt.Locator("#tags").PressAsync("Enter"), TimeSpan.FromSeconds(60));

            var (link, snapshot) = await _harness.WaitForSavedAsync(Url("/link-target"));
            Assert.That(link.Tags, Is.EquivalentTo(new[] { "from-menu", "reading/links", "quick" }));
            Assert.That(snapshot.Mode, Is.EqualTo(CaptureMode.Fresh));
            Assert.That(await ArtifactTextAsync(snapshot, "html"), Does.Contain("This is what the link points to."));
            Assert.That(await _harness.Api.FindLinkAsync(Url("/links")), Is.Null, "the tab itself must not be captured");

            // Escape dismisses the prompt and saves nothing.
            var dismissed = await OpenLinkPromptAsync(helper, tabId, Url("/not-wanted"));
            await Assertions.Expect(dismissed.Locator("body")).ToHaveAttributeAsync("data-defaults-loaded", "true", new() { Timeout = 30_000 });
            await ClosesAsync(dismissed, () => dismissed.Locator("#tags").PressAsync("Escape"), TimeSpan.FromSeconds(30));
            var pending = await helper.EvaluateAsync<JsonElement>("() => chrome.runtime.sendMessage({ kind: 'pending' })");
            Assert.That(pending.GetProperty("result").GetArrayLength(), Is.EqualTo(0));
            Assert.That(await _harness.Api.FindLinkAsync(Url("/not-wanted")), Is.Null, "Escape saves nothing");
        }
        finally
        {
            await _harness.Api.PutAsync("api/default-tags", new { tags = Array.Empty<string>() });
            await helper.CloseAsync();
            await tab.CloseAsync();
        }
    }

    /// <summary>What contextMenus.onClicked runs for "Snapshot this link" (headless Chromium has no menu to click): the prompt window.</summary>
    private async Task<IPage> OpenLinkPromptAsync(IPage extensionPage, int tabId, string linkUrl)
    {
        var opened = _harness.Browser.WaitForPageAsync(new() { Predicate = p => p.Url.Contains("/prompt/prompt.html"), Timeout = 30_000 });
        var reply = await extensionPage.EvaluateAsync<JsonElement>(
            "([tabId, linkUrl]) => chrome.runtime.sendMessage({ kind: 'menu', tabId, info: { menuItemId: 'snapshot-link', linkUrl, pageUrl: location.href } })",
            new object[] { tabId, linkUrl });
        Assert.That(reply.GetProperty("ok").GetBoolean(), Is.True, reply.ToString());
        return await opened;
    }

    /// <summary>Runs <paramref name="act"/> and waits (bounded) for the page to close itself.</summary>
    private static async Task ClosesAsync(IPage page, Func<Task> act, TimeSpan limit)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Close += (_, _) => closed.TrySetResult();
        try
        {
            await act();
        }
        catch (PlaywrightException)
        {
            // The key press closed the page before Playwright heard back; the wait below proves it closed.
        }
        await closed.Task.WaitAsync(limit);
    }

    private async Task<IReadOnlyList<string>?> DefaultTagsAsync() => (await _harness.Api.GetAsync<DefaultTagsDto>("api/default-tags")).Tags;
}
