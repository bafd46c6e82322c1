using Dapper;
using LinkSnap.Core.Capture;
using LinkSnap.Shared;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Tests.Storage;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Snapshots;

public sealed class ReindexTests
{
    private TempDirectory _temp = null!;
    private LinkSnapPaths _paths = null!;
    private SnapshotFolders _folders = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
        _paths = new LinkSnapPaths(_temp.Path);
        _paths.EnsureCreated();
        _folders = new SnapshotFolders(_paths);
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    /// <summary>Writes a snapshot folder the way the job runner does: temp folder, snapshot.json, rename.</summary>
    private void Finish(LinkStore store, long snapshotId, string title, string text, SnapshotStatus status = SnapshotStatus.Done)
    {
        var snapshot = store.GetSnapshot(snapshotId)!;
        var link = store.GetLink(snapshot.LinkId)!;
        var temp = _folders.CreateTempFolder(snapshotId);
        File.WriteAllText(Path.Combine(temp, "page.html"), "<h1>" + title + "</h1>");
        File.WriteAllText(Path.Combine(temp, SnapshotFolders.SearchTextFileName), text);
        var artifacts = new[] { new ArtifactInfo(ArtifactKinds.Html, "page.html", ArtifactStatus.Ok, 10, "text/html") };
        var relative = SnapshotFolders.RelativeFolder(snapshotId, snapshot.CreatedAt);
        SnapshotFolders.WriteDocument(temp, new SnapshotDocument
        {
            Id = snapshotId,
            LinkId = link.Id,
            Link = SnapshotLinkInfo.From(link),
            Status = status,
            Reason = status == SnapshotStatus.Done ? null : "HTTP 404 Not Found",
            CreatedAt = snapshot.CreatedAt,
            FinishedAt = snapshot.CreatedAt.AddSeconds(2),
            Metadata = new PageMetadata { Title = title, HttpStatus = 200 },
            Artifacts = artifacts,
        });
        _folders.Commit(temp, relative);
        store.CompleteSnapshot(snapshotId, new SnapshotCompletion
        {
            Status = status,
            Reason = status == SnapshotStatus.Done ? null : "HTTP 404 Not Found",
            Folder = relative,
            Metadata = new PageMetadata { Title = title, HttpStatus = 200 },
            Artifacts = artifacts,
            ArticleText = text,
        });
    }

    [Test]
    public void Rebuilds_links_tags_versions_and_search_from_the_folders_alone()
    {
        using (var database = new LinkSnapDatabase(_paths.DatabasePath))
        {
            database.Migrate();
            var store = new LinkStore(database, new ManualClock());
            var a = store.AddCapture(new Uri("https://example.cn/a"), ["nlp/模型", "Reading"], "note a", CaptureMode.Fresh);
            Finish(store, a.SnapshotId, "First", "大语言模型的研究");
            var a2 = store.AddCapture(new Uri("https://example.cn/a"), [], null, CaptureMode.Fresh);
            Finish(store, a2.SnapshotId, "Second", "新的版本内容");
            var b = store.AddCapture(new Uri("https://example.org/b"), ["misc"], null, CaptureMode.Fresh);
            Finish(store, b.SnapshotId, "Broken", "not found page", SnapshotStatus.Partial);
            store.UpdateLink(b.LinkId, "Custom title", null, ["misc", "later"]);
            foreach (var s in store.ListSnapshots(b.LinkId))
            {
                _folders.UpdateLinkInfo(s.Folder!, SnapshotLinkInfo.From(store.GetLink(b.LinkId)!));
            }
        }

        // Lose the database entirely; the folders are the source of truth.
        foreach (var file in Directory.GetFiles(_paths.DataDirectory, "linksnap.db*"))
        {
            File.Delete(file);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var fresh = new LinkSnapDatabase(_paths.DatabasePath);
        fresh.Migrate();
        var result = new Reindexer(fresh, _folders, new LinkJournal(_paths, TimeProvider.System), TimeProvider.System).Rebuild();
        var rebuilt = new LinkStore(fresh, TimeProvider.System);

        Assert.That((result.Links, result.Snapshots, result.Skipped.Count), Is.EqualTo((2, 3, 0)));
        var links = rebuilt.ListLinks(new LinkListQuery { Sort = LinkSort.Site, Descending = false }).Items;
        Assert.That(links.Select(l => l.Url), Is.EqualTo(new[] { "https://example.cn/a", "https://example.org/b" }));
        var linkA = links[0];
        Assert.That(linkA.Tags, Is.EqualTo(new[] { "nlp/模型", "Reading" }));
        Assert.That(linkA.Note, Is.EqualTo("note a"));
        Assert.That(linkA.Title, Is.EqualTo("Second"));
        Assert.That(linkA.SnapshotCount, Is.EqualTo(2));
        Assert.That(rebuilt.ListSnapshots(linkA.Id).Select(s => s.Metadata!.Title), Is.EqualTo(new[] { "Second", "First" }));
        var linkB = links[1];
        Assert.That((linkB.Title, linkB.TitleIsCustom), Is.EqualTo(("Custom title", true)));
        Assert.That(linkB.Tags, Is.EqualTo(new[] { "later", "misc" }));
        Assert.That(linkB.Latest!.Status, Is.EqualTo(SnapshotStatus.Partial));
        Assert.That(linkB.Latest.Reason, Is.EqualTo("HTTP 404 Not Found"));
        Assert.That(rebuilt.GetSnapshot(linkB.Latest.Id)!.Artifacts.Single().FileName, Is.EqualTo("page.html"));

        Assert.That(rebuilt.ListLinks(new LinkListQuery { Text = "版本" }).Items.Single().Id, Is.EqualTo(linkA.Id));
        Assert.That(rebuilt.ListLinks(new LinkListQuery { Text = "研究" }).Items, Is.Empty, "only the latest version's text is indexed");
        Assert.That(rebuilt.ListLinks(new LinkListQuery { Text = "later" }).Items.Single().Id, Is.EqualTo(linkB.Id));
        Assert.That(rebuilt.ListTags().Select(t => t.Name), Is.EqualTo(new[] { "later", "misc", "nlp/模型", "Reading" }));
    }

    [Test]
    public void Keeps_queued_jobs_skips_unreadable_folders_and_is_repeatable()
    {
        using var database = new LinkSnapDatabase(_paths.DatabasePath);
        database.Migrate();
        var store = new LinkStore(database, new ManualClock());
        var done = store.AddCapture(new Uri("https://example.org/done"), ["x"], null, CaptureMode.Fresh);
        Finish(store, done.SnapshotId, "Done", "done text");
        var queued = store.AddCapture(new Uri("https://example.org/queued"), ["y"], null, CaptureMode.Fresh);
        var broken = Path.Combine(_paths.SnapshotsDirectory, "2026", "01", "999");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, SnapshotDocument.FileName), "{ not json");

        var reindexer = new Reindexer(database, _folders, new LinkJournal(_paths, TimeProvider.System), TimeProvider.System);
        var first = reindexer.Rebuild();
        var second = reindexer.Rebuild();

        Assert.That(first.Skipped, Has.Count.EqualTo(1));
        Assert.That(first.Skipped[0], Does.StartWith(broken + ": snapshot.json cannot be read"));
        Assert.That((second.Links, second.Snapshots), Is.EqualTo((2, 2)));
        Assert.That(store.GetSnapshot(queued.SnapshotId)!.Status, Is.EqualTo(SnapshotStatus.Queued));
        Assert.That(store.GetLink(queued.LinkId)!.Tags, Is.EqualTo(new[] { "y" }), "a link the files do not know is kept as the database has it");
        Assert.That(store.ListLinks(new LinkListQuery { Text = "queued" }).Items.Single().Id, Is.EqualTo(queued.LinkId));
        using var connection = database.Open();
        Assert.That(connection.ExecuteScalar<string>("PRAGMA integrity_check"), Is.EqualTo("ok"));
    }

    /// <summary>
    /// Fault: snapshot folders damaged by hand (truncated, emptied or edited snapshot.json, a folder deleted,
    /// an artifact file deleted). Reindex restores every intact folder, skips each damaged one with its reason,
    /// never fails as a whole, and leaves a database that passes integrity_check.
    /// </summary>
    [Test]
    public void Damaged_folders_are_skipped_with_reasons_and_the_rest_of_the_library_comes_back()
    {
        using var database = new LinkSnapDatabase(_paths.DatabasePath);
        database.Migrate();
        var store = new LinkStore(database, new ManualClock());
        string[] damage = ["truncated", "empty", "null", "no-link", "bad-url", "null-tags", "deleted", "missing-file", "intact"];
        var folders = new Dictionary<string, string>();
        foreach (var name in damage)
        {
            var added = store.AddCapture(new Uri($"https://example.org/{name}"), ["t"], null, CaptureMode.Fresh);
            Finish(store, added.SnapshotId, name, name + " text");
            folders[name] = _folders.Resolve(store.GetSnapshot(added.SnapshotId)!.Folder!);
        }

        string Json(string name) => Path.Combine(folders[name], SnapshotDocument.FileName);
        var full = File.ReadAllText(Json("truncated"));
        File.WriteAllText(Json("truncated"), full[..(full.Length / 2)]);
        File.WriteAllText(Json("empty"), "");
        File.WriteAllText(Json("null"), "null");
        File.WriteAllText(Json("no-link"), File.ReadAllText(Json("no-link")).Replace("\"link\": {", "\"link\": null, \"x\": {", StringComparison.Ordinal));
        File.WriteAllText(Json("bad-url"), File.ReadAllText(Json("bad-url")).Replace("https://example.org/bad-url", "not a url", StringComparison.Ordinal));
        File.WriteAllText(Json("null-tags"), File.ReadAllText(Json("null-tags")).Replace("\"tags\": [", "\"tags\": null, \"x\": [", StringComparison.Ordinal));
        Directory.Delete(folders["deleted"], recursive: true);
        File.Delete(Path.Combine(folders["missing-file"], "page.html"));

        var result = new Reindexer(database, _folders, new LinkJournal(_paths, TimeProvider.System), TimeProvider.System).Rebuild();

        TestContext.Out.WriteLine(string.Join("\n", result.Skipped));
        var skipped = result.Skipped.ToDictionary(s => damage.Single(d => s.StartsWith(folders[d] + ": ", StringComparison.Ordinal)), s => s);
        Assert.That(skipped.Keys, Is.EquivalentTo(new[] { "truncated", "empty", "null", "no-link", "bad-url", "null-tags", "deleted" }));
        Assert.Multiple(() =>
        {
            Assert.That(skipped["truncated"], Does.Contain("cannot be read"));
            Assert.That(skipped["no-link"], Does.EndWith("has no link"));
            Assert.That(skipped["bad-url"], Does.Contain("invalid link URL \"not a url\""));
            Assert.That(skipped["null-tags"], Does.Contain("null where a list belongs"));
            Assert.That(skipped["deleted"], Does.Contain("is no longer on disk (folder deleted)"));
        });
        var links = store.ListLinks(new LinkListQuery()).Items;
        Assert.That(links.Where(l => l.SnapshotCount > 0).Select(l => l.Url), Is.EquivalentTo(new[] { "https://example.org/missing-file", "https://example.org/intact" }));
        Assert.That(links, Has.Count.EqualTo(damage.Length), "a link whose folders are damaged stays, without those versions: nothing is lost");
        using var connection = database.Open();
        Assert.That(connection.ExecuteScalar<string>("PRAGMA integrity_check"), Is.EqualTo("ok"));
    }
}
