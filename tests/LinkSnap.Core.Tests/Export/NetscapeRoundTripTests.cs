using Dapper;
using LinkSnap.Core.Export;
using LinkSnap.Core.Import;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Tests.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Export;

/// <summary>Moving out and back in: a Netscape export imported into an empty library gives the same links, tags, dates, notes and states.</summary>
public sealed class NetscapeRoundTripTests
{
    [Test]
    public async Task Netscape_export_imported_into_an_empty_library_gives_the_same_links_tags_dates_notes_and_states()
    {
        using var library = new SampleLibrary().Fill();
        var read = library.Store.FindLinkByUrl(new Uri("https://example.com/a-b"))!;
        using (var connection = library.Database.Open())
        {
            connection.Execute("UPDATE links SET is_read = 1, is_private = 1 WHERE id = @id", new { id = read.Id });
        }

        var html = await library.ExportAsync(ExportFormat.Html);

        using var empty = new StoreFixture();
        var options = new ImportOptions();
        var plan = ImportPlanner.Plan(ImportReader.Read(html, "bookmarks.html", options), options);
        var importId = empty.Store.Imports.CreateImport("bookmarks.html", plan, noCapture: true, "imports/x.json");
        empty.Store.Imports.ApplyImportBatch(importId, plan.Links, plan.Links.Count, queueCaptures: false);

        var before = library.Store.Listing.ListLinks(new LinkListQuery { Limit = 100 }).Items;
        var after = empty.Store.Listing.ListLinks(new LinkListQuery { Limit = 100 }).Items;
        Assert.That(plan.Rejected, Is.Empty);
        Assert.That(after.Select(l => l.Url), Is.EquivalentTo(before.Select(l => l.Url)));
        foreach (var link in before)
        {
            var back = after.Single(l => l.Url == link.Url);
            Assert.That(back.Tags, Is.EquivalentTo(link.Tags), link.Url);
            Assert.That(back.CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(link.CreatedAt.ToUnixTimeSeconds())), link.Url);
            Assert.That(back.Note, Is.EqualTo(link.Note), link.Url);
            Assert.That(back.Title, Is.EqualTo(link.Title.Length > 0 ? link.Title : link.Url), link.Url);
            Assert.That(back.States, Is.EqualTo(link.States), link.Url);
        }

        Assert.That(after.Single(l => l.Url == read.Url).States, Is.EqualTo(new LinkStates(Read: true, Private: true)));
    }
}
