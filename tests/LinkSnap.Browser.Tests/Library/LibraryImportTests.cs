using System.Text;
using Microsoft.Playwright;
using NUnit.Framework;
using static Microsoft.Playwright.Assertions;

namespace LinkSnap.Browser.Tests.Library;

/// <summary>
/// The Import page in real Chromium against the real daemon: a picked file is previewed (format, counts,
/// refusals, sample rows with their tags), imported, and followed live until done, with the failed
/// capture and the refused entry shown with their reasons; then a WACZ is previewed and imported there too.
/// </summary>
[TestFixture]
public sealed class LibraryImportTests : LibraryPageTestBase
{
    // No retries: the capture of a closed port fails for good at once.
    protected override Dictionary<string, string> DaemonSettings => new() { ["Background:HostGap"] = "00:00:00", ["Background:MaxRetries"] = "0" };

    protected override void MapSite(LinkSnap.Testing.FixtureServer site) => LibraryPages.Map(site);

    private string Bookmarks() => $"""
        <!DOCTYPE NETSCAPE-Bookmark-file-1>
        <DL><p>
            <DT><H3>海洋</H3>
            <DL><p>
                <DT><A HREF="{Site.Url("/tides.html")}" ADD_DATE="1500000000" TAGS="潮汐">Tides (imported title)</A>
                <DD>a note from the old bookmarks
                <DT><A HREF="{Site.Url("/lighthouse.html")}" ADD_DATE="1500000100">Lighthouses</A>
                <DT><A HREF="http://127.0.0.1:1/closed" ADD_DATE="1500000200">Closed port</A>
                <DT><A HREF="javascript:void(0)">bookmarklet</A>
                <DT><A HREF="{Site.Url("/tides.html")}?utm_source=x" ADD_DATE="1400000000">Tides again</A>
            </DL><p>
        </DL><p>
        """;

    [Test]
    public async Task APickedFileIsPreviewedImportedAndFollowedUntilDoneWithFailuresAndRefusalsExplained()
    {
        await GotoAsync("/import");
        await Page.SetInputFilesAsync("#import-file", new FilePayload { Name = "bookmarks.html", MimeType = "text/html", Buffer = Encoding.UTF8.GetBytes(Bookmarks()) });

        var counts = Page.Locator("#import-counts");
        await Expect(counts.Locator("[data-count=format]")).ToHaveTextAsync("Netscape bookmarks HTML");
        await Expect(counts.Locator("[data-count=entries]")).ToHaveTextAsync("5");
        await Expect(counts.Locator("[data-count=links]")).ToHaveTextAsync("3");
        await Expect(counts.Locator("[data-count=duplicates]")).ToHaveTextAsync("1");
        await Expect(counts.Locator("[data-count=invalid]")).ToHaveTextAsync("1");
        await Expect(Page.Locator("#import-sample tbody tr").First.Locator(".tag")).ToHaveTextAsync(new[] { "海洋", "潮汐" });
        await Expect(Page.Locator("#import-preview-invalid")).ToContainTextAsync("javascript: URLs are scripts");
        await Page.FillAsync("#import-tags", "from-chrome");
        await Page.Locator("#import-tags").DispatchEventAsync("change");
        await Expect(Page.Locator("#import-sample tbody tr").First.Locator(".tag")).ToHaveTextAsync(new[] { "海洋", "潮汐", "from-chrome" });
        await ScreenshotsAsync("preview");
        Assert.That((await GetJsonAsync("/api/links")).GetProperty("total").GetInt32(), Is.Zero, "a preview writes nothing");

        await Page.ClickAsync("#import-start");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/import\\?id=\\d+$"));
        await Expect(Page.Locator("#import-status")).ToHaveAttributeAsync("data-status", "done", new() { Timeout = 90000 });
        var live = Page.Locator("#import-live");
        await Expect(live.Locator("[data-count=archived]")).ToHaveTextAsync("2");
        await Expect(live.Locator("[data-count=failed]")).ToHaveTextAsync("1");
        await Expect(live.Locator("[data-count=queued]")).ToHaveTextAsync("0");
        await Expect(Page.Locator("#import-failed li")).ToContainTextAsync(["http://127.0.0.1:1/closed"]);
        var importId = Page.Url[(Page.Url.LastIndexOf('=') + 1)..];
        var reason = (await GetJsonAsync($"/api/imports/{importId}/failed"))[0].GetProperty("reason").GetString();
        Assert.That(reason, Is.Not.Empty);
        await Expect(Page.Locator("#import-failed li")).ToContainTextAsync([reason!]);
        await Expect(Page.Locator("#import-invalid li")).ToContainTextAsync(["javascript:void(0)"]);
        await Expect(Page.Locator("#view")).Not.ToContainTextAsync("null");
        await ScreenshotsAsync("done");

        var links = await GetJsonAsync("/api/links?q=" + Uri.EscapeDataString("from-chrome"));
        Assert.That(links.GetProperty("total").GetInt32(), Is.EqualTo(3));

        // A WACZ (the library's own download of the captured tides page) is previewed and imported on the same page.
        var tides = (await GetJsonAsync("/api/lookup?url=" + Uri.EscapeDataString(Site.Url("/tides.html").ToString()))).GetProperty("linkId").GetInt64();
        byte[] wacz;
        using (var client = Daemon.CreateSocketClient())
        {
            wacz = await client.GetByteArrayAsync($"/api/export?format=wacz&ids={tides}");
        }

        await GotoAsync("/import");
        await Page.SetInputFilesAsync("#import-file", new FilePayload { Name = "tides.wacz", MimeType = "application/octet-stream", Buffer = wacz });
        await Expect(counts.Locator("[data-count=format]")).ToHaveTextAsync("WACZ");
        await Expect(counts.Locator("[data-count=links]")).ToHaveTextAsync("1");
        await Expect(counts.Locator("[data-count=alreadySaved]")).ToHaveTextAsync("1");
        await Page.ClickAsync("#import-start");
        await Expect(Page.Locator("#import-status")).ToHaveAttributeAsync("data-status", "done");
        await Expect(Page.Locator("#import-wacz-pages li")).ToHaveTextAsync([Site.Url("/tides.html").ToString()]);
        var versions = (await GetJsonAsync($"/api/links/{tides}")).GetProperty("snapshots").EnumerateArray()
            .Where(v => v.GetProperty("mode").GetString() == "imported").Select(v => v.GetProperty("importedFrom").GetString());
        Assert.That(versions, Is.EqualTo(new[] { "WACZ (LinkSnap)" }), "the page became an imported version of the link it came from");
    }
}
