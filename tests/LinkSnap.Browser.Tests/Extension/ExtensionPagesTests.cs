using System.Text.Json;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Extension;

/// <summary>The options page's host status, and the extension's own protocol checks (same table as the relay).</summary>
[TestFixture]
[NonParallelizable]
public sealed class ExtensionPagesTests
{
    private ExtensionHarness _harness = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _harness = await ExtensionHarness.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _harness.DisposeAsync();

    [Test]
    public async Task Options_page_shows_host_version_library_and_data_folder_and_keeps_defaults()
    {
        var page = await _harness.Browser.NewPageAsync();
        await page.GotoAsync(_harness.ExtensionUrl("options/options.html"));

        await Assertions.Expect(page.Locator("#host-state")).ToHaveTextAsync("Connected", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#host-data")).ToHaveTextAsync(_harness.DataDirectory);
        await Assertions.Expect(page.Locator("#host-library")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^http://ls-[a-z0-9]+\.localhost:\d+/$"));
        await Assertions.Expect(page.Locator("#host-version")).Not.ToHaveTextAsync("–");

        await page.Locator("#default-tags").FillAsync("inbox, Later ,inbox");
        await page.Locator("#default-mode").SelectOptionAsync("fresh");
        await page.Locator("#defaults button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#saved")).ToHaveTextAsync("Saved.");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#default-tags")).ToHaveValueAsync("inbox, Later, ");
        await Assertions.Expect(page.Locator("#default-mode")).ToHaveValueAsync("fresh");

        await page.Locator("#default-tags").FillAsync("");
        await page.Locator("#default-mode").SelectOptionAsync("as-seen");
        await page.Locator("#defaults button[type=submit]").ClickAsync();
        await page.CloseAsync();
    }

    [Test]
    public async Task Extension_refuses_the_same_malformed_messages_as_the_relay()
    {
        var page = await _harness.Browser.NewPageAsync();
        await page.GotoAsync(_harness.ExtensionUrl("options/options.html"));

        var codes = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const { loadProtocol, validateRequest } = await import('/shared/protocol.js');
              const table = await loadProtocol();
              const cases = [
                { id: 'a', type: 'ping' },
                { id: 'b', type: 'capture' },
                { id: 'c', type: 'capture', url: 'https://e.org/', tags: ['ok', 3] },
                { id: 'd', type: 'capture', url: 'https://e.org/', mode: 'sideways' },
                { id: 'e', type: 'teleport' },
                { id: 'f', type: 'tags', limit: 'ten' },
                { id: 'g', type: 'ping', extra: true },
                { id: 'h', type: 'capture', url: 'https://e.org/', mode: 'as-seen', html: 'x'.repeat(table.limits.maxHtmlBytes + 1) },
                { type: 'ping' },
                { id: 'i', type: 'status', snapshotId: 42 },
                { id: 'j', type: 'update-link', linkId: 7, tags: ['a'], note: 'n', read: true, favorite: false, archived: true, watch: 'weekly' },
                { id: 'k', type: 'update-link', note: 'n' },
                { id: 'l', type: 'update-link', linkId: 7, favorite: 'yes' },
                { id: 'm', type: 'update-link', linkId: 7, watch: 'sometimes' },
                { id: 'n', type: 'update-link', linkId: 7, tags: Array.from({ length: 101 }, (_, i) => 't' + i) },
                { id: 'o', type: 'capture', url: 'https://e.org/', tags: Array.from({ length: 100 }, (_, i) => 't' + i) },
              ];
              return cases.map(c => validateRequest(table, c)?.code ?? 'ok');
            }
            """);

        Assert.That(codes.EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[]
        {
            "ok", "bad-message", "bad-message", "bad-message", "unknown-type", "bad-message", "bad-message", "too-large", "bad-message", "ok",
            "ok", "bad-message", "bad-message", "bad-message", "bad-message", "ok",
        }));
        await page.CloseAsync();
    }
    [Test]
    public async Task Options_page_switches_the_popup_and_itself_to_Chinese_and_back()
    {
        var tab = await _harness.Browser.NewPageAsync();
        _harness.Server.MapHtml("/words", "<!doctype html><title>Words page</title><p>Some words.</p>");
        await tab.GotoAsync(_harness.Server.Url("/words").ToString());
        var options = await _harness.Browser.NewPageAsync();
        await options.GotoAsync(_harness.ExtensionUrl("options/options.html"));
        try
        {
            await options.Locator("#language").SelectOptionAsync("zh_CN");
            await options.Locator("#defaults button[type=submit]").ClickAsync();
            await Assertions.Expect(options.Locator("#test-connection")).ToHaveTextAsync("测试连接");
            await Assertions.Expect(options.Locator("#host-state")).ToHaveTextAsync("已连接", new() { Timeout = 30_000 });
            await Assertions.Expect(options.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

            var popup = await _harness.OpenPopupAsync(tab);
            await Assertions.Expect(popup.Locator("#save")).ToHaveTextAsync("保存");
            await Assertions.Expect(popup.Locator("#tags")).ToHaveAttributeAsync("placeholder", "研究, nlp/可解释性");
            await popup.CloseAsync();
        }
        finally
        {
            await options.Locator("#language").SelectOptionAsync("");
            await options.Locator("#defaults button[type=submit]").ClickAsync();
            await Assertions.Expect(options.Locator("#test-connection")).ToHaveTextAsync("Test connection");
            await options.CloseAsync();
            await tab.CloseAsync();
        }
    }

    [Test]
    public async Task Every_visible_string_of_the_popup_and_the_options_page_comes_from_the_messages()
    {
        var tab = await _harness.Browser.NewPageAsync();
        _harness.Server.MapHtml("/more-words", "<!doctype html><title>Words page</title><p>Some words.</p>");
        await tab.GotoAsync(_harness.Server.Url("/more-words").ToString());
        // A saved page too: its tags as chips, its states and a watch that comes through a tag.
        var savedTab = await _harness.Browser.NewPageAsync();
        _harness.Server.MapHtml("/saved-words", "<!doctype html><title>Saved words page</title><p>Some saved words.</p>");
        await _harness.Api.PostAsync("api/captures", new { url = _harness.Server.Url("/saved-words").ToString(), tags = new[] { "walked/tag", "second" }, note = "a note", mode = "fresh" });
        await _harness.WaitForSavedAsync(_harness.Server.Url("/saved-words").ToString());
        await _harness.Api.PutAsync("api/tags/watch", new { tag = "walked", every = "daily" });
        await savedTab.GotoAsync(_harness.Server.Url("/saved-words").ToString());
        var options = await _harness.Browser.NewPageAsync();
        await options.GotoAsync(_harness.ExtensionUrl("options/options.html"));
        await SetLanguageAsync(options, "x-pseudo");
        try
        {
            await options.ReloadAsync();
            await Assertions.Expect(options.Locator("#host-state")).ToHaveAttributeAsync("data-state", "ok", new() { Timeout = 30_000 });
            var popup = await _harness.OpenPopupAsync(tab);
            await Assertions.Expect(popup.Locator("body")).ToHaveAttributeAsync("data-tags-loaded", "true");
            await Assertions.Expect(popup.Locator("body")).ToHaveAttributeAsync("data-lookup", "new");
            var savedPopup = await _harness.OpenPopupAsync(savedTab);
            await Assertions.Expect(savedPopup.Locator("body")).ToHaveAttributeAsync("data-saved", "true");
            await Assertions.Expect(savedPopup.Locator("#watch-tag")).ToBeVisibleAsync();
            var data = new[] { "LinkSnap", "English", "中文", _harness.DataDirectory, await tab.TitleAsync(), tab.Url, await savedTab.TitleAsync(), savedTab.Url,
                "walked/tag", "second", "a note",
                await options.Locator("#host-version").TextContentAsync() ?? "", await options.Locator("#host-library").TextContentAsync() ?? "" };
            var offenders = new List<string>();
            foreach (var page in new[] { options, popup, savedPopup })
            {
                foreach (var text in await page.EvaluateAsync<string[]>(VisibleTexts))
                {
                    // Innermost first: a message may hold another (a watch's schedule inside "watched through the tag").
                    var rest = text;
                    for (var previous = ""; previous != rest;)
                    {
                        previous = rest;
                        rest = System.Text.RegularExpressions.Regex.Replace(rest, "⟦[^⟦⟧]*⟧|⟨[^⟨⟩]*⟩", " ");
                    }

                    rest = rest.Trim();
                    if (rest.Any(char.IsLetter) && !data.Any(d => d.Length > 0 && d.Contains(rest, StringComparison.Ordinal)))
                    {
                        offenders.Add($"{page.Url}: “{text}”");
                    }
                }
            }

            await popup.CloseAsync();
            await savedPopup.CloseAsync();
            Assert.That(offenders, Is.Empty, "visible strings that are not from _locales");
        }
        finally
        {
            await SetLanguageAsync(options, "");
            await options.CloseAsync();
            await tab.CloseAsync();
            await savedTab.CloseAsync();
        }
    }

    [Test]
    public async Task Popup_fits_360_px_with_any_title_and_its_suggestions_never_cover_the_form()
    {
        var title = string.Concat(Enumerable.Repeat("Unbreakabletitleword", 25)) + " " + string.Join(" ", Enumerable.Repeat("a very long page title", 40));
        _harness.Server.MapHtml("/long-title", $"<!doctype html><title>{title}</title><p>Some words.</p>");
        _harness.Server.MapHtml("/long-title-other", "<!doctype html><title>Another page</title><p>Other words.</p>");
        // Saved before, with many tags (one of them 100 characters without a break): the popup shows them as chips.
        string[] tags = ["reading/long", new string('x', 100), .. Enumerable.Range(1, 40).Select(i => $"a-rather-long-tag-name-{i}")];
        await _harness.Api.PostAsync("api/captures", new { url = _harness.Server.Url("/long-title").ToString(), tags, mode = "fresh" });
        // A tag of another link, to suggest (the link's own chips are not suggested again).
        await _harness.Api.PostAsync("api/captures", new { url = _harness.Server.Url("/long-title-other").ToString(), tags = new[] { "reading/later" }, mode = "fresh" });
        var tab = await _harness.Browser.NewPageAsync();
        await tab.GotoAsync(_harness.Server.Url("/long-title").ToString());
        var popup = await _harness.OpenPopupAsync(tab);
        try
        {
            await popup.SetViewportSizeAsync(360, 600);
            await Assertions.Expect(popup.Locator("body")).ToHaveAttributeAsync("data-tags-loaded", "true");
            await Assertions.Expect(popup.Locator("#saved-before")).ToBeVisibleAsync();
            await Assertions.Expect(popup.Locator("#tag-chips li")).ToHaveCountAsync(tags.Length);
            await Assertions.Expect(popup.Locator("#link-edit")).ToBeVisibleAsync();
            // The offline warning at its real length, as when LinkSnap is not running.
            await popup.EvaluateAsync("() => { const p = document.getElementById('host-problem'); p.hidden = false; p.textContent = 'LinkSnap is not running or not installed. You can still save: the page is kept and sent when LinkSnap is back.'; }");
            await Assertions.Expect(popup.Locator("#tag-suggestions")).ToBeHiddenAsync();

            foreach (var zoom in new[] { 1, 2 })
            {
                await popup.SetViewportSizeAsync(360 * zoom, 600 * zoom);
                await popup.EvaluateAsync("z => document.documentElement.style.zoom = String(z)", zoom);
                var widths = await popup.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                Assert.That(widths[0], Is.LessThanOrEqualTo(widths[1]), $"no horizontal overflow at {zoom * 100}% zoom");
                var save = await popup.Locator("#save").BoundingBoxAsync();
                var saveAgain = await popup.Locator("#save-again").BoundingBoxAsync();
                var watch = await popup.Locator("#watch").BoundingBoxAsync();
                var library = await popup.Locator("#open-library").BoundingBoxAsync();
                Assert.That(save!.X + save.Width, Is.LessThanOrEqualTo(360 * zoom), "the Save button is on screen");
                Assert.That(saveAgain!.X + saveAgain.Width, Is.LessThanOrEqualTo(360 * zoom), "the Save again button is on screen");
                Assert.That(watch!.X + watch.Width, Is.LessThanOrEqualTo(360 * zoom), "the watch control is on screen");
                Assert.That(library!.X + library.Width, Is.LessThanOrEqualTo(360 * zoom), "the Library link is on screen");
            }

            await popup.EvaluateAsync("() => document.documentElement.style.zoom = '1'");
            await popup.SetViewportSizeAsync(360, 600);
            await popup.Locator("#tags").FillAsync("");
            await popup.Locator("#tags").PressSequentiallyAsync("read");
            var suggestions = popup.Locator("#tag-suggestions");
            await Assertions.Expect(suggestions).ToBeVisibleAsync();
            var list = await suggestions.BoundingBoxAsync();
            var button = await popup.Locator("#save").BoundingBoxAsync();
            var note = await popup.Locator("#note").BoundingBoxAsync();
            Assert.That(list!.Y + list.Height, Is.LessThanOrEqualTo(note!.Y), "the suggestions end above the Note box");
            Assert.That(list.Y + list.Height, Is.LessThanOrEqualTo(button!.Y), "the suggestions end above the Save button");
            await popup.Locator("#tags").PressAsync("Escape");
            await Assertions.Expect(suggestions).ToBeHiddenAsync();
            await popup.Locator("#tags").PressAsync("ArrowDown");
            await Assertions.Expect(suggestions).ToBeVisibleAsync();
            await Assertions.Expect(suggestions.Locator("li", new() { HasText = "reading/long" })).ToHaveCountAsync(0);
            await suggestions.Locator("li", new() { HasText = "reading/later" }).ClickAsync();
            await Assertions.Expect(suggestions).ToBeHiddenAsync();
            await Assertions.Expect(popup.Locator("#tags")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("reading/later"));
        }
        finally
        {
            await popup.CloseAsync();
            await tab.CloseAsync();
        }
    }

    [Test]
    public async Task Popup_does_not_offer_to_save_the_library_itself()
    {
        var options = await _harness.Browser.NewPageAsync();
        await options.GotoAsync(_harness.ExtensionUrl("options/options.html"));
        await Assertions.Expect(options.Locator("#host-library")).Not.ToHaveTextAsync("–", new() { Timeout = 30_000 });
        var libraryUrl = await options.Locator("#host-library").TextContentAsync();
        var tab = await _harness.Browser.NewPageAsync();
        await tab.GotoAsync(libraryUrl!);
        var popup = await _harness.OpenPopupAsync(tab);
        await Assertions.Expect(popup.Locator("#host-problem")).ToHaveTextAsync("This is your LinkSnap library; there is nothing to save here.");
        await Assertions.Expect(popup.Locator("#save")).ToBeDisabledAsync();
        await popup.CloseAsync();
        await tab.CloseAsync();
        await options.CloseAsync();
    }

    private static Task SetLanguageAsync(IPage extensionPage, string language) => extensionPage.EvaluateAsync("""
        async (language) => {
          const { settings = {} } = await chrome.storage.local.get('settings');
          await chrome.storage.local.set({ settings: { ...settings, language } });
        }
        """, language);

    private const string VisibleTexts = """
        () => {
          const out = [document.title];
          const visible = (el) => el.checkVisibility();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const text = n.textContent.trim();
            if (text && n.parentElement && visible(n.parentElement) && !n.parentElement.closest('option:not(:checked)')) out.push(text);
          }
          for (const el of document.body.querySelectorAll('[placeholder], [title], [aria-label], img[alt]')) {
            if (!visible(el)) continue;
            for (const a of ['placeholder', 'title', 'aria-label', 'alt']) {
              const v = el.getAttribute(a);
              if (v && v.trim()) out.push(v.trim());
            }
          }
          return out;
        }
        """;
}

