using LinkSnap.Testing;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Library;

/// <summary>
/// Fault (issue 13): snapshot files deleted by hand while the daemon runs. Before any reindex the link
/// page says which files are gone instead of showing a broken frame or an error.
/// </summary>
public sealed class LibraryDeletedFilesTests : LibraryPageTestBase
{
    private long _folderGone;
    private long _fileGone;

    protected override void MapSite(FixtureServer site)
    {
        site.MapHtml("/folder", "<html><head><title>Folder deleted</title></head><body><p>Its whole folder goes.</p></body></html>");
        site.MapHtml("/file", "<html><head><title>File deleted</title></head><body><p>Only its saved copy goes.</p></body></html>");
    }

    protected override async Task SeedAsync()
    {
        (_folderGone, _, var folder) = await Daemon.CaptureAsync(Site.Url("/folder"));
        (_fileGone, _, var file) = await Daemon.CaptureAsync(Site.Url("/file"));
        Directory.Delete(folder.Folder!, recursive: true);
        File.Delete(Path.Combine(file.Folder!, "page.html"));
    }

    [Test]
    public async Task A_snapshot_whose_folder_was_deleted_says_so_on_every_tab()
    {
        await GotoAsync($"/links/{_folderGone}?tab=archived");
        await Assertions.Expect(Page.Locator("#files-deleted")).ToHaveTextAsync("The folder of this snapshot was deleted from disk, so its files cannot be shown. Recapture the link to save it again.");
        await Assertions.Expect(Page.Locator("#tab-missing")).ToHaveTextAsync("The file page.html of this view was deleted from disk.");
        Assert.That(await Page.Locator("#archive-frame").CountAsync(), Is.Zero);

        await Page.Locator("[data-tab=screenshot]").ClickAsync();
        await Assertions.Expect(Page.Locator("#tab-missing")).ToContainTextAsync("was deleted from disk");
    }

    [Test]
    public async Task A_snapshot_missing_one_file_names_it_and_still_shows_the_rest()
    {
        await GotoAsync($"/links/{_fileGone}?tab=screenshot");
        await Assertions.Expect(Page.Locator("#files-deleted")).ToContainTextAsync("page.html");
        await Assertions.Expect(Page.Locator("#screenshot")).ToBeVisibleAsync();
    }
}
