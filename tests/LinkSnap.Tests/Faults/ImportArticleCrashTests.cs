using System.Text;
using System.Text.Json;
using LinkSnap.Core.Import;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Shared;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Faults;

/// <summary>
/// An import's articles are written after their batch's commit (the links must exist first). A daemon killed
/// between the two leaves the data directory built here by the store itself: the batch committed, one article
/// never begun, one begun (its version row born failed) without its files. The real daemon started on that
/// directory writes both, once each, finishes the import, and leaves the library intact (<see cref="FaultChecks"/>).
/// </summary>
[NonParallelizable]
public sealed class ImportArticleCrashTests
{
    private static readonly string Wallabag = JsonSerializer.Serialize(new[]
    {
        new { id = 1, url = "https://wallabag.example/tides", title = "潮汐", is_archived = 0, is_starred = 0, content = "<p>月亮牵引海水 tidesmarker</p>", created_at = "2020-01-02T03:04:05+01:00", tags = Array.Empty<string>(), annotations = Array.Empty<object>() },
        new { id = 2, url = "https://wallabag.example/waves", title = "海浪", is_archived = 0, is_starred = 0, content = "<p>风吹起海浪 wavesmarker</p>", created_at = "2020-01-03T03:04:05+01:00", tags = Array.Empty<string>(), annotations = Array.Empty<object>() },
    });

    [Test]
    public async Task Articles_lost_between_the_batch_commit_and_their_write_are_written_at_the_next_start()
    {
        using var temp = new TempDirectory();
        var paths = new LinkSnapPaths(temp.Path);
        var options = new ImportOptions();
        var plan = ImportPlanner.Plan(ImportReader.Read(Encoding.UTF8.GetBytes(Wallabag), "wallabag.json", options), options);
        Assert.That(plan.Links.Count(l => l.Content is not null), Is.EqualTo(2));
        long importId;
        using (var database = new LinkSnapDatabase(paths.DatabasePath))
        {
            database.Migrate();
            var store = new LinkStore(database, TimeProvider.System);
            Directory.CreateDirectory(Path.Combine(temp.Path, "imports"));
            await File.WriteAllTextAsync(Path.Combine(temp.Path, "imports", "killed.json"), JsonSerializer.Serialize(plan, SnapshotJson.Options));
            importId = store.CreateImport("wallabag.json", plan, noCapture: true, "imports/killed.json");
            var linkIds = store.ApplyImportBatch(importId, plan.Links, plan.Links.Count, queueCaptures: false);
            store.AddImportedSnapshot(linkIds[1], plan.Links[1].ContentSource ?? plan.Format, plan.Links[1].SavedAt);
        }

        await using var daemon = await TestDaemon.StartAsync(TestDaemonOptions.OwnProcess(temp.Path));
        await Eventually.TrueAsync(async () =>
            (await daemon.Client.GetAsync($"/api/imports/{importId}", CancellationToken.None)).GetProperty("status").GetString() == "done",
            TimeSpan.FromSeconds(120), "the killed import finishes");

        foreach (var (url, marker) in new[] { ("https://wallabag.example/tides", "tidesmarker"), ("https://wallabag.example/waves", "wavesmarker") })
        {
            var found = await daemon.Client.GetAsync("/api/lookup?url=" + Uri.EscapeDataString(url), CancellationToken.None);
            var link = await daemon.Client.GetAsync($"/api/links/{found.GetProperty("linkId").GetInt64()}", CancellationToken.None);
            var versions = link.GetProperty("snapshots").EnumerateArray().Where(s => s.GetProperty("mode").GetString() == "imported").ToArray();
            Assert.That(versions.Select(v => v.GetProperty("status").GetString()), Is.EqualTo(new[] { "done" }), $"{url}: one imported version, written");
            var hits = await daemon.Client.GetAsync("/api/links?q=" + marker, CancellationToken.None);
            Assert.That(hits.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("url").GetString()), Is.EqualTo(new[] { url }), "the article's text is searchable");
        }

        await FaultChecks.AssertLibraryIntactAsync(daemon, []);
    }
}
