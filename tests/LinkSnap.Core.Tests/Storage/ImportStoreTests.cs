using LinkSnap.Core.Import;
using LinkSnap.Core.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Storage;

/// <summary>An import's batches against the library: new links dated from the export, existing ones merged, never overwritten.</summary>
public sealed class ImportStoreTests
{
    private static ImportPlan PlanOf(string text, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        return ImportPlanner.Plan(ImportReader.Read(System.Text.Encoding.UTF8.GetBytes(text), "list.html", options), options);
    }

    [Test]
    public void New_links_take_the_exported_date_title_and_states_and_queue_a_background_capture()
    {
        using var fixture = new StoreFixture();
        var plan = PlanOf("""<DL><DT><A HREF="https://example.cn/a" ADD_DATE="1300000000" TAGS="旧" TOREAD="0">中文标题</A><DD>旧笔记</DL>""");
        var id = fixture.Store.Imports.CreateImport("list.html", plan, noCapture: false, "imports/x.json");

        fixture.Store.Imports.ApplyImportBatch(id, plan.Links, plan.Links.Count, queueCaptures: true);

        var link = fixture.Store.FindLinkByUrl(new Uri("https://example.cn/a"))!;
        Assert.That((link.Title, link.Note, link.CreatedAt), Is.EqualTo(("中文标题", "旧笔记", DateTimeOffset.FromUnixTimeSeconds(1300000000))));
        Assert.That(link.States, Is.EqualTo(new LinkStates(Read: true)));
        Assert.That(link.Latest!.JobClass, Is.EqualTo(JobClasses.Import));
        Assert.That(fixture.Store.Listing.ListLinks(new LinkListQuery { Text = "中文" }).Items.Select(l => l.Id), Is.EqualTo(new[] { link.Id }), "searchable at once");
        var import = fixture.Store.Imports.GetImport(id)!;
        Assert.That((import.Applied, import.Created, import.Merged, import.Captures["queued"]), Is.EqualTo((1, 1, 0, 1)));
    }

    [Test]
    public void A_url_already_saved_is_merged_tags_united_earliest_date_notes_joined_and_no_second_capture()
    {
        using var fixture = new StoreFixture();
        var saved = fixture.Store.AddCapture(new Uri("https://example.org/a"), ["mine"], "my note", global::LinkSnap.Core.Capture.CaptureMode.Fresh);
        fixture.Store.UpdateLink(saved.LinkId, "My title", null, null);
        var plan = PlanOf("""<DL><DT><A HREF="https://example.org/a?utm_source=x" ADD_DATE="1300000000" TAGS="theirs">Their title</A><DD>their note</DL>""");
        var id = fixture.Store.Imports.CreateImport("list.html", plan, noCapture: false, "imports/x.json");

        fixture.Store.Imports.ApplyImportBatch(id, plan.Links, 1, queueCaptures: true);

        var link = fixture.Store.GetLink(saved.LinkId)!;
        Assert.That(link.Tags, Is.EqualTo(new[] { "mine", "theirs" }));
        Assert.That(link.Title, Is.EqualTo("My title"), "never overwritten");
        Assert.That(link.Note, Is.EqualTo("my note\n\ntheir note"));
        Assert.That(link.CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1300000000)));
        Assert.That(link.SnapshotCount, Is.EqualTo(1));
        Assert.That(fixture.Store.Imports.GetImport(id)!.Merged, Is.EqualTo(1));
    }

    [Test]
    public void Bookmarks_only_queue_nothing_and_cancel_drops_queued_captures_but_keeps_the_links()
    {
        using var fixture = new StoreFixture();
        var plan = PlanOf("https://a.example/1\nhttps://b.example/2\n");
        var quiet = fixture.Store.Imports.CreateImport("list.txt", plan, noCapture: true, "imports/q.json");
        fixture.Store.Imports.ApplyImportBatch(quiet, plan.Links, 2, queueCaptures: false);
        Assert.That(fixture.Store.FindLinkByUrl(new Uri("https://a.example/1"))!.SnapshotCount, Is.EqualTo(0));

        var other = PlanOf("https://c.example/3\n");
        var busy = fixture.Store.Imports.CreateImport("list.txt", other, noCapture: false, "imports/b.json");
        fixture.Store.Imports.ApplyImportBatch(busy, other.Links, 1, queueCaptures: true);
        Assert.That(fixture.Store.Imports.SetImportStatus(busy, ImportStatuses.Paused), Is.True);
        Assert.That(fixture.Store.Jobs.ClaimNextJob(new BackgroundTurn([])), Is.Null, "a paused import's captures wait");
        Assert.That(fixture.Store.Imports.SetImportStatus(busy, ImportStatuses.Cancelled), Is.True);

        var link = fixture.Store.FindLinkByUrl(new Uri("https://c.example/3"))!;
        Assert.That((link.SnapshotCount, link.Latest), Is.EqualTo((0, (SnapshotRecord?)null)));
        Assert.That(fixture.Store.Imports.SetImportStatus(busy, ImportStatuses.Running), Is.False, "a cancelled import stays cancelled");
    }
}
