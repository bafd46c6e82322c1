using Dapper;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Health;
using LinkSnap.Shared;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using NUnit.Framework;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace LinkSnap.Tests.Health;

/// <summary>
/// Health history lives in the data folder too (health.jsonl, decision 044): a reindex into a new
/// database gives every link its checks back, and the "gone after failures that persist" rule keeps
/// counting from them.
/// </summary>
public sealed class HealthJournalTests
{
    private static readonly HealthOptions Options = new() { HostGap = TimeSpan.Zero };

    [Test]
    public async Task Health_history_survives_a_reindex_into_a_new_database()
    {
        using var temp = new TempDirectory();
        var paths = new LinkSnapPaths(temp.Path);
        paths.EnsureCreated();
        await using var server = await FixtureServer.StartAsync();
        var gone = false;
        server.Map("/article", async http =>
        {
            http.Response.StatusCode = gone ? 410 : 200;
            http.Response.ContentType = "text/html; charset=utf-8";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(http.Response, "<title>Tides</title><p>The tide tables of the northern coast.</p>");
        });
        var url = server.Url("/article");
        var links = new LinkJournal(paths, TimeProvider.System);
        var health = new HealthJournal(paths);
        IReadOnlyList<HealthCheck> before;
        using (var database = new LinkSnapDatabase(paths.DatabasePath))
        {
            database.Migrate();
            var store = new LinkStore(database, TimeProvider.System);
            var linkId = store.AddCapture(url, ["sea"], null, CaptureMode.Fresh).LinkId;
            links.Append(store.GetLinks([linkId]));
            using var checker = new HealthChecker(Options, new CaptureOptions { AllowPrivateTargets = true }, TimeProvider.System);
            var runner = new HealthRunner(store, checker, new SnapshotFolders(paths), MsOptions.Create(Options), TimeProvider.System, health);
            await runner.CheckAsync(store.HealthTargets([linkId], null), CancellationToken.None);
            gone = true;
            await runner.CheckAsync(store.HealthTargets([linkId], null), CancellationToken.None);
            before = store.HealthHistory(linkId);
            Assert.That(before.Select(c => c.State), Is.EqualTo(new[] { HealthState.Gone, HealthState.Alive }), "newest first");

            // A reindex of the same database keeps its history as it is (no second copy from the file).
            new Reindexer(database, new SnapshotFolders(paths), links, TimeProvider.System, health).Rebuild();
            Assert.That(store.HealthHistory(linkId), Has.Count.EqualTo(2));
        }

        foreach (var file in Directory.GetFiles(paths.DataDirectory, "linksnap.db*"))
        {
            File.Delete(file);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var fresh = new LinkSnapDatabase(paths.DatabasePath);
        fresh.Migrate();
        var result = new Reindexer(fresh, new SnapshotFolders(paths), links, TimeProvider.System, health).Rebuild();

        Assert.That(result.Skipped, Is.Empty);
        var restored = new LinkStore(fresh, TimeProvider.System);
        var link = restored.FindLinkByUrl(url)!;
        Assert.That(
            restored.HealthHistory(link.Id).Select(c => (c.State, c.HttpStatus, c.Reason, c.CheckedAt)),
            Is.EqualTo(before.Select(c => (c.State, c.HttpStatus, c.Reason, c.CheckedAt))));
        Assert.That((link.Health!.State, link.Health.Reason), Is.EqualTo((HealthState.Gone, before[0].Reason)), "the link's latest state comes back with it");
        Assert.That(restored.ListLinks(new LinkListQuery { Health = [HealthState.Gone] }).Items.Select(l => l.Id), Is.EqualTo(new[] { link.Id }), "and the gone filter finds it");
    }

    [Test]
    public void A_library_from_before_health_jsonl_is_seeded_once_and_a_torn_line_is_reported()
    {
        using var temp = new TempDirectory();
        var paths = new LinkSnapPaths(temp.Path);
        paths.EnsureCreated();
        using var database = new LinkSnapDatabase(paths.DatabasePath);
        database.Migrate();
        var store = new LinkStore(database, TimeProvider.System);
        var linkId = store.AddCapture(new Uri("https://example.org/old"), [], null, CaptureMode.Fresh).LinkId;
        store.RecordHealth(linkId, new HealthProbe(HealthState.Alive, 200, "The page answers 200."), Options);
        var health = new HealthJournal(paths);

        health.EnsureSeeded(database);
        health.EnsureSeeded(database);
        File.AppendAllText(health.FilePath, "{\"url\":\"https://exa"); // killed mid-write

        var skipped = new List<string>();
        var read = health.Read(skipped);
        Assert.That(read.Values.Single().Single().Reason, Is.EqualTo("The page answers 200."));
        Assert.That(skipped.Single(), Does.StartWith(health.FilePath + " line 2: cannot be read"));
    }
}
