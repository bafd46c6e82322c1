using LinkSnap.Core.Capture;
using LinkSnap.Shared;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Tests.Storage;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Snapshots;

/// <summary>An imported version: a finished snapshot marked imported with its source, searchable, restored by reindex.</summary>
public sealed class ImportedVersionsTests
{
    [Test]
    public void An_imported_version_is_done_marked_with_its_source_searchable_and_survives_reindex()
    {
        using var temp = new TempDirectory();
        var paths = new LinkSnapPaths(temp.Path);
        paths.EnsureCreated();
        var folders = new SnapshotFolders(paths);
        using var database = new LinkSnapDatabase(paths.DatabasePath);
        database.Migrate();
        var store = new LinkStore(database, new ManualClock());
        var link = store.AddCapture(new Uri("https://example.org/gone-page"), [], null, CaptureMode.Fresh);
        store.Jobs.CompleteSnapshot(link.SnapshotId, new SnapshotCompletion { Status = SnapshotStatus.Failed, Reason = "HTTP 404" });
        var savedAt = DateTimeOffset.FromUnixTimeSeconds(1500000000);

        var imported = new ImportedVersions(store, folders, new SnapshotWriter(store, folders), TimeProvider.System);
        var id = imported.Add(link.LinkId, "wallabag", savedAt, folder =>
        {
            File.WriteAllText(Path.Combine(folder, ArtifactFiles.ArticleHtml), "<p>潮汐表的文章</p>");
            return new ImportedContent
            {
                Artifacts = [new ArtifactInfo(ArtifactKinds.ArticleHtml, ArtifactFiles.ArticleHtml, ArtifactStatus.Ok, 10, "text/html")],
                Metadata = new PageMetadata { Title = "Imported title" },
                SearchText = "潮汐表的文章",
            };
        }, contentHash: "hash-of-the-export-content")!.Value;

        var version = store.Snapshots.GetSnapshot(id)!;
        Assert.That((version.Status, version.Mode, version.ImportedFrom, version.CreatedAt), Is.EqualTo((SnapshotStatus.Done, CaptureMode.Imported, "wallabag", savedAt)));
        Assert.That(File.ReadAllText(Path.Combine(folders.Resolve(version.Folder!), ArtifactFiles.ArticleHtml)), Is.EqualTo("<p>潮汐表的文章</p>"));
        Assert.That(store.GetLink(link.LinkId)!.Title, Is.EqualTo("Imported title"));
        Assert.That(store.Listing.ListLinks(new LinkListQuery { Text = "潮汐表" }).Items.Single().Id, Is.EqualTo(link.LinkId));

        new Reindexer(database, folders, new LinkJournal(paths, TimeProvider.System), TimeProvider.System).Rebuild();
        var restored = store.Snapshots.ListSnapshots(link.LinkId).Single(s => s.Mode == CaptureMode.Imported);
        Assert.That((restored.ImportedFrom, restored.Status, restored.ImportedHash), Is.EqualTo(("wallabag", SnapshotStatus.Done, "hash-of-the-export-content")), "the content hash comes back from snapshot.json");
        Assert.That(imported.Add(link.LinkId, "wallabag", savedAt, _ => throw new AssertionException("the same content is not written again"), "hash-of-the-export-content"), Is.EqualTo(restored.Id));

        Assert.That(() => new ImportedVersions(store, folders, new SnapshotWriter(store, folders), TimeProvider.System).Add(link.LinkId, "x", null, _ => throw new IOException("disk full")), Throws.TypeOf<IOException>());
        var unfinished = store.Snapshots.ListSnapshots(link.LinkId).Single(s => s.ImportedFrom == "x");
        Assert.That((unfinished.Status, unfinished.Reason), Is.EqualTo((SnapshotStatus.Failed, SnapshotStore.ImportedUnfinished)), "a version whose files were not written says why");
        Assert.That(store.Jobs.RetrySnapshot(unfinished.Id), Is.True);
        Assert.That((store.Snapshots.GetSnapshot(unfinished.Id)!.Mode, store.Snapshots.GetSnapshot(unfinished.Id)!.Status), Is.EqualTo((CaptureMode.Fresh, SnapshotStatus.Queued)), "retried as a capture");
    }
}
