using Dapper;
using LinkSnap.Core.Import;
using LinkSnap.Shared;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Tests.Storage;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Snapshots;

/// <summary>
/// The bug: `linksnap reindex` dropped links without a snapshot folder (an import with --no-capture).
/// links.jsonl keeps every link's title, note, tags, states and date, so reindex restores them, also
/// from the files alone when the database is lost.
/// </summary>
public sealed class LinkJournalTests
{
    private TempDirectory _temp = null!;
    private LinkSnapPaths _paths = null!;
    private SnapshotFolders _folders = null!;
    private LinkJournal _journal = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
        _paths = new LinkSnapPaths(_temp.Path);
        _paths.EnsureCreated();
        _folders = new SnapshotFolders(_paths);
        _journal = new LinkJournal(_paths, TimeProvider.System);
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    /// <summary>Imports bookmarks only, as ImportRunner does (batch, then links.jsonl), and edits one link as the service does.</summary>
    private static void ImportBookmarksOnly(LinkStore store, LinkJournal journal)
    {
        var options = new ImportOptions();
        var plan = ImportPlanner.Plan(ImportReader.Read(System.Text.Encoding.UTF8.GetBytes("""
            <DL><DT><H3>读书</H3><DL>
            <DT><A HREF="https://example.cn/a" ADD_DATE="1300000000" TAGS="潮汐" TOREAD="1">中文标题</A><DD>旧笔记
            <DT><A HREF="https://example.org/b" ADD_DATE="1400000000" PRIVATE="1">B</A>
            </DL></DL>
            """), "bookmarks.html", options), options);
        var id = store.CreateImport("bookmarks.html", plan, noCapture: true, "imports/x.json");
        journal.Append(store.GetLinks(store.ApplyImportBatch(id, plan.Links, plan.Links.Count, queueCaptures: false)));
        var b = store.FindLinkByUrl(new Uri("https://example.org/b"))!;
        store.UpdateLink(b.Id, null, "edited later", ["读书", "kept"]);
        journal.Append(store.GetLinks([b.Id]));
    }

    private static void AssertRestored(LinkStore store)
    {
        var a = store.FindLinkByUrl(new Uri("https://example.cn/a"))!;
        Assert.That((a.Title, a.Note, a.CreatedAt, a.SnapshotCount), Is.EqualTo(("中文标题", "旧笔记", DateTimeOffset.FromUnixTimeSeconds(1300000000), 0)));
        Assert.That(a.Tags, Is.EqualTo(new[] { "潮汐", "读书" }));
        Assert.That(a.States, Is.EqualTo(new LinkStates(Read: false)), "TOREAD=1 is unread");
        var b = store.FindLinkByUrl(new Uri("https://example.org/b"))!;
        Assert.That((b.Note, b.States.Private), Is.EqualTo(("edited later", true)));
        Assert.That(b.Tags, Is.EqualTo(new[] { "kept", "读书" }));
        Assert.That(store.ListLinks(new LinkListQuery { Text = "中文标题" }).Items.Select(l => l.Id), Is.EqualTo(new[] { a.Id }), "searchable again");
    }

    [Test]
    public void Reindex_keeps_bookmark_only_links_with_their_tags_notes_dates_and_states()
    {
        using var database = new LinkSnapDatabase(_paths.DatabasePath);
        database.Migrate();
        var store = new LinkStore(database, new ManualClock());
        ImportBookmarksOnly(store, _journal);

        var result = new Reindexer(database, _folders, _journal, TimeProvider.System).Rebuild();

        Assert.That((result.Links, result.Skipped.Count), Is.EqualTo((2, 0)));
        AssertRestored(store);
    }

    [Test]
    public void A_lost_database_gets_bookmark_only_links_back_from_links_jsonl_and_a_torn_last_line_is_reported()
    {
        using (var database = new LinkSnapDatabase(_paths.DatabasePath))
        {
            database.Migrate();
            ImportBookmarksOnly(new LinkStore(database, new ManualClock()), _journal);
        }

        File.AppendAllText(_journal.FilePath, "{\"id\":9,\"url\":\"https://exa"); // killed mid-write
        foreach (var file in Directory.GetFiles(_paths.DataDirectory, "linksnap.db*"))
        {
            File.Delete(file);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var fresh = new LinkSnapDatabase(_paths.DatabasePath);
        fresh.Migrate();
        var result = new Reindexer(fresh, _folders, _journal, TimeProvider.System).Rebuild();

        Assert.That(result.Links, Is.EqualTo(2));
        Assert.That(result.Skipped.Single(), Does.StartWith(_journal.FilePath + " line 4: cannot be read"));
        AssertRestored(new LinkStore(fresh, TimeProvider.System));
        Assert.That(File.ReadAllLines(_journal.FilePath), Has.Length.EqualTo(2), "reindex compacts links.jsonl to one line per link");
        using var connection = fresh.Open();
        Assert.That(connection.ExecuteScalar<string>("PRAGMA integrity_check"), Is.EqualTo("ok"));
    }

    [Test]
    public void A_deleted_link_stays_deleted_and_an_existing_library_is_seeded_once()
    {
        using var database = new LinkSnapDatabase(_paths.DatabasePath);
        database.Migrate();
        var store = new LinkStore(database, new ManualClock());
        var a = store.AddCapture(new Uri("https://example.org/old"), ["t"], "from before links.jsonl", global::LinkSnap.Core.Capture.CaptureMode.Fresh);
        store.CompleteSnapshot(a.SnapshotId, new SnapshotCompletion { Status = SnapshotStatus.Failed, Reason = "test" });

        _journal.EnsureSeeded(store);
        _journal.EnsureSeeded(store);
        Assert.That(File.ReadAllLines(_journal.FilePath), Has.Length.EqualTo(1));

        var link = store.GetLink(a.LinkId)!;
        store.DeleteLink(a.LinkId);
        _journal.AppendDeleted(link);
        new Reindexer(database, _folders, _journal, TimeProvider.System).Rebuild();

        Assert.That(store.ListLinks(new LinkListQuery()).Items, Is.Empty);
    }
}
