using Dapper;
using LinkSnap.Core.Import;
using LinkSnap.Core.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Storage;

/// <summary>
/// The background claim runs on every job end and every import batch. Walking the queue in id order made it
/// visit every queued job of a blocked site (running or resting) each time: quadratic over an import of one
/// site (issue 14's bench, 468 s for 100,000 bookmarks). These tests pin the plan (the site walk and each
/// site's head are index seeks, nothing scans the snapshots) and the choice it makes.
/// </summary>
public sealed class BackgroundClaimPlanTests
{
    private static ImportPlan PlanOf(IEnumerable<string> urls) => ImportPlanner.Plan(
        ImportReader.Read(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', urls)), "list.txt", new ImportOptions()), new ImportOptions());

    [Test]
    public void The_background_pick_seeks_by_site_and_never_scans_the_queue()
    {
        using var fixture = new StoreFixture();
        using var connection = fixture.Database.Open();
        var plan = connection.Query<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + JobQueue.NextBackgroundJob, new { now = "2026-01-01T00:00:00.000Z", blocked = new[] { "a.example" } })
            .Select(r => r.Detail).ToList();
        var text = string.Join("\n", plan);

        Assert.That(plan.Where(d => d.Contains("snapshots", StringComparison.Ordinal) || d.StartsWith("SEARCH q ", StringComparison.Ordinal) || d.StartsWith("SEARCH s ", StringComparison.Ordinal)),
            Has.All.Contains("ix_snapshots_background_queue"), "every read of the queue goes through the per-site index\n" + text);
        Assert.That(plan.Where(d => d.StartsWith("SCAN", StringComparison.Ordinal)), Is.SubsetOf(new[] { "SCAN queued_sites", "SCAN imports" }), "only the site list and the (small) imports table are walked\n" + text);
        Assert.That(plan.Count(d => d.Contains("ix_snapshots_background_queue (site>?)", StringComparison.Ordinal)), Is.EqualTo(1), "the walk to the next site is one seek\n" + text);
        Assert.That(plan.Count(d => d.Contains("ix_snapshots_background_queue (site=?)", StringComparison.Ordinal)), Is.EqualTo(1), "a site's head is read from its own jobs\n" + text);
    }

    [Test]
    public void The_oldest_due_job_of_a_free_site_is_claimed_past_thousands_queued_on_a_busy_one()
    {
        using var fixture = new StoreFixture();
        var store = fixture.Store;
        var busy = PlanOf(Enumerable.Range(0, 2_000).Select(i => $"https://busy.example/{i}"));
        var busyImport = store.Imports.CreateImport("busy.txt", busy, noCapture: false, "imports/busy.json");
        store.Imports.ApplyImportBatch(busyImport, busy.Links, busy.Links.Count, queueCaptures: true);
        var other = PlanOf(["https://resting.example/1", "https://free.example/1", "https://free.example/2"]);
        var otherImport = store.Imports.CreateImport("other.txt", other, noCapture: false, "imports/other.json");
        store.Imports.ApplyImportBatch(otherImport, other.Links, other.Links.Count, queueCaptures: true);

        var first = store.Jobs.ClaimNextJob(new BackgroundTurn([]))!;
        Assert.That(first.Url, Is.EqualTo("https://busy.example/0"), "oldest first while every site is free");

        Assert.That(store.Jobs.ClaimNextJob(new BackgroundTurn(["resting.example"]))!.Url, Is.EqualTo("https://free.example/1"),
            "busy.example is running and resting.example resting: the first job of the next free site");
        Assert.That(store.Jobs.ClaimNextJob(new BackgroundTurn(["resting.example"])), Is.Null, "every other site with queued work has a job running");
        Assert.That(store.Jobs.ClaimNextJob(new BackgroundTurn([]))!.Url, Is.EqualTo("https://resting.example/1"), "its rest over, the resting site's job starts");

        var user = fixture.Add("https://busy.example/mine");
        Assert.That(store.Jobs.ClaimNextJob(new BackgroundTurn([]))!.Id, Is.EqualTo(user.SnapshotId), "a person's capture goes first, even on a busy site");
    }
}
