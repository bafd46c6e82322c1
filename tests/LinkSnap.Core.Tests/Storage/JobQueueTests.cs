using LinkSnap.Core.Capture;
using LinkSnap.Core.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Storage;

public sealed class JobQueueTests : StoreTestBase
{
    [Test]
    public void Jobs_are_claimed_oldest_first_once_each()
    {
        var a = Fixture.Add("https://example.org/a");
        var b = Fixture.Add("https://example.org/b");

        var first = Store.Jobs.ClaimNextJob()!;
        var second = Store.Jobs.ClaimNextJob()!;
        Assert.That(Store.Jobs.ClaimNextJob(), Is.Null);
        Assert.That((first.Id, second.Id), Is.EqualTo((a.SnapshotId, b.SnapshotId)));
        Assert.That(first.Status, Is.EqualTo(SnapshotStatus.Running));
        Assert.That(first.Attempts, Is.EqualTo(1));
        Assert.That(first.Url, Is.EqualTo("https://example.org/a"));
        Assert.That(Store.Jobs.CountActiveJobs(), Is.EqualTo((0, 2)));
    }

    [Test]
    public void Interrupted_jobs_are_requeued_then_failed_after_max_attempts()
    {
        var ticket = Fixture.Add("https://example.org/a");
        for (var attempt = 1; attempt < 3; attempt++)
        {
            Assert.That(Store.Jobs.ClaimNextJob()!.Attempts, Is.EqualTo(attempt));
            var recovered = Store.Jobs.RecoverInterruptedJobs(maxAttempts: 3);
            Assert.That(recovered, Is.EqualTo(new[] { new RecoveredJob(ticket.SnapshotId, ticket.LinkId, SnapshotStatus.Queued, null) }));
        }

        Store.Jobs.ClaimNextJob();
        var failed = Store.Jobs.RecoverInterruptedJobs(maxAttempts: 3).Single();
        Assert.That(failed.Status, Is.EqualTo(SnapshotStatus.Failed));
        var snapshot = Store.Snapshots.GetSnapshot(ticket.SnapshotId)!;
        Assert.That(snapshot.Status, Is.EqualTo(SnapshotStatus.Failed));
        Assert.That(snapshot.Reason, Is.EqualTo("daemon stopped during capture 3 times"));
        Assert.That(snapshot.FinishedAt, Is.Not.Null);
    }

    [Test]
    public void A_released_job_goes_back_without_using_an_attempt_and_stages_are_recorded()
    {
        Fixture.Add("https://example.org/a");
        var job = Store.Jobs.ClaimNextJob()!;
        Store.Jobs.SetStage(job.Id, CaptureStage.Settling);
        Assert.That(Store.Snapshots.GetSnapshot(job.Id)!.Stage, Is.EqualTo(CaptureStage.Settling));
        Store.Jobs.ReleaseJob(job.Id);
        var again = Store.Snapshots.GetSnapshot(job.Id)!;
        Assert.That((again.Status, again.Attempts, again.Stage), Is.EqualTo((SnapshotStatus.Queued, 0, (CaptureStage?)null)));
    }

    [Test]
    public void Only_failed_or_partial_snapshots_can_be_retried()
    {
        var ticket = Fixture.Add("https://example.org/a");
        Assert.That(Store.Jobs.RetrySnapshot(ticket.SnapshotId), Is.False, "queued");
        Store.Jobs.ClaimNextJob();
        Fixture.Complete(ticket.SnapshotId, null, null, SnapshotStatus.Failed);
        Assert.That(Store.Jobs.RetrySnapshot(ticket.SnapshotId), Is.True);
        Assert.That(Store.Snapshots.GetSnapshot(ticket.SnapshotId)!.Status, Is.EqualTo(SnapshotStatus.Queued));
    }

    [Test]
    public void Job_list_shows_running_then_queued_then_recent()
    {
        var done = Fixture.Add("https://example.org/done");
        var running = Fixture.Add("https://example.org/running");
        var queued = Fixture.Add("https://example.org/queued");
        Store.Jobs.ClaimNextJob();
        Fixture.Complete(done.SnapshotId, "t", "x");
        Store.Jobs.ClaimNextJob();

        Assert.That(Store.Jobs.ListJobs(10).Select(j => j.Id), Is.EqualTo(new[] { running.SnapshotId, queued.SnapshotId, done.SnapshotId }));
    }
}
