using Dapper;
using LinkSnap.Core.Import;
using LinkSnap.Core.Search;
using LinkSnap.Core.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Storage;

/// <summary>An import's batch writes tags and search rows through the same writers as every other path.</summary>
public sealed class ImportWritersTests
{
    private static ImportPlan PlanOf(string text)
    {
        var options = new ImportOptions();
        return ImportPlanner.Plan(ImportReader.Read(System.Text.Encoding.UTF8.GetBytes(text), "list.html", options), options);
    }

    [Test]
    public void An_imported_link_has_the_search_row_the_index_itself_writes_for_it()
    {
        using var fixture = new StoreFixture();
        var plan = PlanOf("""<DL><DT><A HREF="https://example.cn/b" TAGS="读书,Zeta,alpha">书的标题 Title</A><DD>一条笔记</DL>""");
        var id = fixture.Store.Imports.CreateImport("list.html", plan, noCapture: true, "imports/x.json");
        fixture.Store.Imports.ApplyImportBatch(id, plan.Links, 1, queueCaptures: false);
        var linkId = fixture.Store.FindLinkByUrl(new Uri("https://example.cn/b"))!.Id;

        using var connection = fixture.Database.Open();
        var imported = SearchRow(connection, linkId);
        SearchIndex.Update(connection, null, linkId);

        Assert.That(imported, Is.EqualTo(SearchRow(connection, linkId)), "the batch's row equals the one SearchIndex.Update writes");
        Assert.That(fixture.Store.GetLink(linkId)!.Tags, Is.EquivalentTo(new[] { "读书", "Zeta", "alpha" }));
    }

    [Test]
    public void A_link_with_too_many_tags_refuses_its_whole_batch()
    {
        using var fixture = new StoreFixture();
        var plan = PlanOf("https://a.example/1\n");
        var id = fixture.Store.Imports.CreateImport("list.txt", plan, noCapture: true, "imports/t.json");
        var crowded = new PlannedLink
        {
            Url = new Uri("https://b.example/2"),
            NormalizedUrl = "https://b.example/2",
            Tags = Enumerable.Range(0, TagName.MaxPerLink + 1).Select(i => $"t{i}").ToList(),
        };

        Assert.That(() => fixture.Store.Imports.ApplyImportBatch(id, [.. plan.Links, crowded], 2, queueCaptures: false), Throws.ArgumentException);
        Assert.That(fixture.Store.FindLinkByUrl(new Uri("https://a.example/1")), Is.Null, "the batch rolled back");
    }

    private static (string?, string?, string?, string?, string?) SearchRow(Microsoft.Data.Sqlite.SqliteConnection connection, long linkId) =>
        connection.QuerySingle<(string?, string?, string?, string?, string?)>("SELECT title, url, tags, note, body FROM search WHERE rowid = @linkId", new { linkId });
}
