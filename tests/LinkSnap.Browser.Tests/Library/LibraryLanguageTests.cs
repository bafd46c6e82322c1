using System.Text.Json;
using Microsoft.Playwright;
using NUnit.Framework;
using static Microsoft.Playwright.Assertions;

namespace LinkSnap.Browser.Tests.Library;

/// <summary>
/// The library in Chinese and English: it follows the chosen language, and no visible string
/// bypasses the message files (checked with the pseudo language, which marks every message).
/// </summary>
[TestFixture]
public sealed class LibraryLanguageTests : LibraryPageTestBase
{
    private long _linkId;
    private long _snapshotId;

    protected override void MapSite(LinkSnap.Testing.FixtureServer site) => LibraryPages.Map(site);

    protected override async Task SeedAsync()
    {
        var ids = await Daemon.CaptureManyAsync((Site.Url("/lighthouse.html"), ["sea", "模型/研究"]));
        (_linkId, _snapshotId, _) = ids[0];
    }

    [Test]
    public async Task Every_visible_string_comes_from_the_message_files()
    {
        var data = await DataStringsAsync();
        await UseLanguageAsync("x-pseudo", async () =>
        {
            var offenders = new List<string>();
            async Task CheckAsync(string where)
            {
                await Expect(Page.Locator(".loading")).ToHaveCountAsync(0);
                foreach (var text in await VisibleTextsAsync())
                {
                    if (!IsFromMessages(text, data))
                    {
                        offenders.Add($"{where}: “{text}”");
                    }
                }
            }

            await GotoAsync("/");
            await Expect(Page.Locator(".card")).ToHaveCountAsync(1);
            await Page.Locator(".card .select").CheckAsync();
            await Expect(Page.Locator("#bulk-bar")).ToBeVisibleAsync();
            await CheckAsync("library");
            foreach (var tab in new[] { "archived", "screenshot", "reader", "pdf", "info" })
            {
                await GotoAsync($"/links/{_linkId}?tab={tab}");
                await Expect(Page.Locator("#tab-body > *")).Not.ToHaveCountAsync(0);
                await CheckAsync($"link page, tab {tab}");
            }

            await GotoAsync("/tags");
            await Expect(Page.Locator("#tag-tree")).ToBeVisibleAsync();
            await Page.Locator("[data-tag-node='sea'] button").First.ClickAsync();
            await Expect(Page.Locator("dialog[open]")).ToBeVisibleAsync();
            await CheckAsync("tags page with the rename dialog");
            await GotoAsync("/queue");
            await Expect(Page.Locator("#jobs .job")).Not.ToHaveCountAsync(0);
            await CheckAsync("queue");
            await GotoAsync("/import");
            await Expect(Page.Locator("#import-drop")).ToBeVisibleAsync();
            await CheckAsync("import page");
            await GotoAsync("/links/999999");
            await Expect(Page.Locator("#not-found")).ToBeVisibleAsync();
            await CheckAsync("missing link");

            Assert.That(offenders, Is.Empty, "visible strings that are not from the message files");
        });
    }

    [Test]
    public async Task The_library_speaks_Chinese_when_chosen_and_follows_the_browser_again()
    {
        await GotoAsync("/");
        await Expect(Page.Locator("[data-section='browse']")).ToHaveTextAsync("Library");
        await Page.SelectOptionAsync("#language", "zh-CN");
        await Expect(Page.Locator("[data-section='browse']")).ToHaveTextAsync("快照库");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(Page.Locator("#summary")).ToHaveTextAsync("1 个链接");
        await Expect(Page.Locator(".card .status")).ToHaveTextAsync("完成");
        await Expect(Page.Locator("#add-url")).ToHaveAttributeAsync("placeholder", "粘贴一个或多个要保存的链接…");
        await ScreenshotsAsync("library-zh-CN");

        await GotoAsync($"/links/{_linkId}?tab=info");
        await Expect(Page.Locator("#details")).ToContainTextAsync("HTTP 状态");
        await Expect(Page.Locator("[data-tab='reader']")).ToHaveTextAsync("阅读视图");
        await ScreenshotsAsync("link-zh-CN");

        await Page.SelectOptionAsync("#language", "");
        await Expect(Page.Locator("[data-tab='reader']")).ToHaveTextAsync("Reader view");
        Assert.That(await Page.EvaluateAsync<string?>("localStorage.getItem('linksnap-lang')"), Is.Null);
    }

    [Test]
    public async Task Chinese_tags_sort_by_pinyin_among_the_latin_ones()
    {
        using var client = Daemon.CreateSocketClient();
        var payload = JsonSerializer.Serialize(new { tags = new[] { "machine", "北京", "zebra", "apple" } });
        using var content = new StringContent(payload, System.Text.Encoding.UTF8, "application/json");
        (await client.PostAsync($"/api/links/{_linkId}/tags", content)).EnsureSuccessStatusCode();

        await GotoAsync("/tags");
        var roots = Page.Locator("#tag-tree > li > .tag-row > .tag-label");
        await Expect(roots).ToHaveTextAsync(["apple", "北京", "machine", "模型", "sea", "zebra"]);
    }

    [Test]
    public async Task Enter_that_commits_an_input_method_word_does_not_add_a_tag()
    {
        await GotoAsync($"/links/{_linkId}");
        var input = Page.Locator("aside .tag-input");
        await input.FillAsync("阅读");
        // What the browser sends while a pinyin IME commits its candidate with Enter.
        await input.DispatchEventAsync("keydown", new { key = "Enter", keyCode = 229, isComposing = true, bubbles = true });
        await Expect(input).ToHaveValueAsync("阅读");
        await Expect(Page.Locator("aside [data-tag='阅读']")).ToHaveCountAsync(0);

        await input.PressAsync("Enter");
        await Expect(Page.Locator("aside [data-tag='阅读']")).ToHaveCountAsync(1);
    }

    private async Task UseLanguageAsync(string language, Func<Task> body)
    {
        await GotoAsync("/");
        await Page.EvaluateAsync("lang => localStorage.setItem('linksnap-lang', lang)", language);
        try
        {
            await body();
        }
        finally
        {
            await Page.EvaluateAsync("() => localStorage.removeItem('linksnap-lang')");
        }
    }

    /// <summary>Every string value the API returns about the seeded link: what the page may show as data.</summary>
    private async Task<List<string>> DataStringsAsync()
    {
        var strings = new List<string> { "LinkSnap", "English", "中文", Site.Url("/").Host };
        void Collect(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: strings.Add(e.GetString()!); break;
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Collect(p.Value); break;
                case JsonValueKind.Array: foreach (var i in e.EnumerateArray()) Collect(i); break;
            }
        }

        Collect(await GetJsonAsync($"/api/links/{_linkId}"));
        Collect(await GetJsonAsync($"/api/snapshots/{_snapshotId}"));
        Collect(await GetJsonAsync("/api/tags"));
        return strings;
    }

    /// <summary>
    /// Text passes when, with the marked messages (⟦…⟧) and Intl-formatted dates (⟨…⟩) taken out,
    /// no letters are left or what is left is data from the API.
    /// </summary>
    private static bool IsFromMessages(string text, List<string> data)
    {
        // Innermost first, until none is left: a message may hold another ("⟦⟦Tags⟧ — LinkSnap⟧").
        var rest = text;
        for (var previous = ""; previous != rest;)
        {
            previous = rest;
            rest = System.Text.RegularExpressions.Regex.Replace(rest, "⟦[^⟦⟧]*⟧|⟨[^⟩]*⟩", " ");
        }

        rest = rest.Trim();
        if (!rest.Any(char.IsLetter))
        {
            return true;
        }

        // Pieces between separators (a file name · a size) are checked one by one.
        return System.Text.RegularExpressions.Regex.Split(rest, @"\s*[·—→|]\s*|\s{2,}")
            .All(part => !part.Any(char.IsLetter) || data.Any(d => d.Contains(part.Trim(), StringComparison.Ordinal)));
    }

    /// <summary>Text nodes and the placeholder/title/aria-label/alt of every element a person can see.</summary>
    private Task<string[]> VisibleTextsAsync() => Page.EvaluateAsync<string[]>("""
        () => {
          const out = [];
          const visible = (el) => el.checkVisibility ? el.checkVisibility() : !!el.offsetParent;
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const text = n.textContent.trim();
            if (text && n.parentElement && visible(n.parentElement) && !n.parentElement.closest('.visually-hidden, datalist, option:not(:checked)')) out.push(text);
          }
          for (const el of document.body.querySelectorAll('[placeholder], [title], [aria-label], img[alt]')) {
            if (!visible(el)) continue;
            for (const a of ['placeholder', 'title', 'aria-label', 'alt']) {
              const v = el.getAttribute(a);
              if (v && v.trim()) out.push(v.trim());
            }
          }
          return [document.title, ...out];
        }
        """);
}
