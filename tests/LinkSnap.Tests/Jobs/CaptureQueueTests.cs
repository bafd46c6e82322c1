using LinkSnap.Core.Capture;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Jobs;
using LinkSnap.Testing;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Jobs;

/// <summary>Unit tests of the queue (CaptureQueue + CaptureJobRunner) over a real SQLite file, with a scripted engine.</summary>
public sealed class CaptureQueueTests : QueueTestBase
{
    [Test]
    public async Task A_job_reports_its_stages_and_ends_done_with_its_folder_in_place()
    {
        var engine = new FakeCaptureEngine((request, folder, progress, _) => FakeCaptureEngine.SaveAsync(request, folder, progress));
        using var subscription = Events.Subscribe();
        var queue = Queue(engine);
        await queue.StartAsync(CancellationToken.None);
        var id = Enqueue("/a", queue);

        var snapshot = await WaitFinishedAsync(id);
        await queue.StopAsync(CancellationToken.None);

        Assert.That(snapshot.Status, Is.EqualTo(SnapshotStatus.Done));
        var folder = Folders.Resolve(snapshot.Folder!);
        Assert.That(File.ReadAllText(Path.Combine(folder, "page.html")), Does.Contain("https://example.org/a"));
        Assert.That(SnapshotFolders.ReadDocument(folder)!.Status, Is.EqualTo(SnapshotStatus.Done));
        Assert.That(File.ReadAllText(Path.Combine(folder, SnapshotFolders.SearchTextFileName)), Is.EqualTo("fake article words"));
        Assert.That(Store.GetLink(snapshot.LinkId)!.Title, Is.EqualTo("Fake /a"));

        var seen = new List<string>();
        while (subscription.Reader.TryRead(out var e))
        {
            seen.Add(e.Stage is { } stage ? StorageText.Stage(stage) : StorageText.Status(e.Status));
        }

        Assert.That(seen, Is.EqualTo(new[] { "loading", "loading", "settling", "saving", "done" }));
    }

    [Test]
    public async Task No_more_than_the_configured_number_of_captures_run_at_once()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new FakeCaptureEngine(async (request, folder, progress, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            return await FakeCaptureEngine.SaveAsync(request, folder, progress);
        });
        var queue = Queue(engine, concurrency: 2);
        var ids = Enumerable.Range(0, 5).Select(i => Enqueue($"/{i}")).ToList();
        await queue.StartAsync(CancellationToken.None);

        await WaitForAsync(ids[1], s => s.Status == SnapshotStatus.Running);
        await Eventually.TrueAsync(() => engine.InFlight >= 2, TimeSpan.FromSeconds(30), "two captures in the engine at once");

        Assert.That(Store.Jobs.CountActiveJobs(), Is.EqualTo((3, 2)));
        gate.SetResult();
        foreach (var id in ids)
        {
            Assert.That((await WaitFinishedAsync(id)).Status, Is.EqualTo(SnapshotStatus.Done));
        }

        await queue.StopAsync(CancellationToken.None);
        Assert.That(engine.MaxInFlight, Is.EqualTo(2));
    }

    [Test]
    public async Task A_capture_that_overruns_the_job_timeout_is_stopped_after_the_grace_on_the_clock()
    {
        // The one whole-job limit (Capture:JobTimeout, 2 min) belongs to the engine; an engine that
        // overruns it is told to stop StopGrace later. Reached by moving a fake clock: no real waiting,
        // and no early failure on a slow machine.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        UseClock(clock);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new FakeCaptureEngine(async (_, _, _, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("not reached");
        });
        var timeout = new CaptureOptions().JobTimeout;
        var queue = Queue(engine, jobTimeout: timeout, time: clock);
        await queue.StartAsync(CancellationToken.None);
        var hang = Enqueue("/hang", queue);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        clock.Advance(timeout + CaptureJobRunner.StopGrace - TimeSpan.FromSeconds(1));
        Assert.That(Store.Snapshots.GetSnapshot(hang)!.Status, Is.EqualTo(SnapshotStatus.Running), "still within the limit and its grace");
        clock.Advance(TimeSpan.FromSeconds(1));
        var timedOut = await WaitFinishedAsync(hang);
        await queue.StopAsync(CancellationToken.None);

        Assert.That((timedOut.Status, timedOut.Reason), Is.EqualTo((SnapshotStatus.Failed, $"the capture took longer than {timeout.TotalSeconds:0} s (Capture:JobTimeout) and did not stop by itself; it was stopped")));
    }

    [Test]
    public async Task A_capture_that_ignores_being_stopped_is_given_up_on_after_the_hard_stop_on_the_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        UseClock(clock);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<CaptureResult>();
        var engine = new FakeCaptureEngine((_, _, _, _) =>
        {
            started.TrySetResult();
            return never.Task;
        });
        var timeout = TimeSpan.FromMinutes(1);
        var queue = Queue(engine, jobTimeout: timeout, time: clock);
        await queue.StartAsync(CancellationToken.None);
        var deaf = Enqueue("/deaf", queue);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        clock.Advance(timeout + CaptureJobRunner.StopGrace);
        Assert.That(Store.Snapshots.GetSnapshot(deaf)!.Status, Is.EqualTo(SnapshotStatus.Running), "told to stop, not yet given up on");
        clock.Advance(CaptureJobRunner.HardStopGrace);
        var givenUp = await WaitFinishedAsync(deaf);
        await queue.StopAsync(CancellationToken.None);

        Assert.That((givenUp.Status, givenUp.Reason), Is.EqualTo((SnapshotStatus.Failed, "the capture took longer than 60 s (Capture:JobTimeout) and did not stop by itself; it was stopped")));
    }

    [Test]
    public async Task A_throwing_engine_fails_with_its_message_in_the_store_and_on_disk()
    {
        var engine = new FakeCaptureEngine((_, _, _, _) => throw new InvalidOperationException("boom"));
        var queue = Queue(engine);
        await queue.StartAsync(CancellationToken.None);
        var boom = Enqueue("/boom", queue);

        var thrown = await WaitFinishedAsync(boom);
        await queue.StopAsync(CancellationToken.None);

        Assert.That((thrown.Status, thrown.Reason), Is.EqualTo((SnapshotStatus.Failed, "the capture engine failed: boom")));
        Assert.That(SnapshotFolders.ReadDocument(Folders.Resolve(thrown.Folder!))!.Reason, Is.EqualTo("the capture engine failed: boom"));
    }

    [Test]
    public async Task An_orderly_stop_puts_the_running_job_back_without_using_an_attempt()
    {
        var engine = new FakeCaptureEngine(async (_, _, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        var queue = Queue(engine);
        await queue.StartAsync(CancellationToken.None);
        var id = Enqueue("/slow", queue);
        await WaitForAsync(id, s => s.Status == SnapshotStatus.Running);

        await queue.StopAsync(CancellationToken.None);

        var snapshot = Store.Snapshots.GetSnapshot(id)!;
        Assert.That((snapshot.Status, snapshot.Attempts), Is.EqualTo((SnapshotStatus.Queued, 0)));
    }

    [Test]
    public async Task At_start_jobs_left_running_are_retried_or_failed_past_max_attempts()
    {
        var retried = Enqueue("/retried");
        var exhausted = Enqueue("/exhausted");
        Store.Jobs.ClaimNextJob(); // retried: attempt 1, as if the daemon died during it
        Store.Jobs.ClaimNextJob(); // exhausted: attempt 1
        Store.Jobs.RecoverInterruptedJobs(maxAttempts: 99);
        Store.Jobs.ClaimNextJob(); // retried again: attempt 2
        Store.Jobs.ClaimNextJob(); // exhausted: attempt 2
        using (var connection = Database.Open())
        {
            Dapper.SqlMapper.Execute(connection, "UPDATE snapshots SET attempts = 3 WHERE id = @exhausted", new { exhausted });
        }

        var engine = new FakeCaptureEngine((request, folder, progress, _) => FakeCaptureEngine.SaveAsync(request, folder, progress));
        var queue = Queue(engine, maxAttempts: 3);
        await queue.StartAsync(CancellationToken.None);
        var done = await WaitFinishedAsync(retried);
        var failed = await WaitFinishedAsync(exhausted);
        await queue.StopAsync(CancellationToken.None);

        Assert.That((done.Status, done.Attempts), Is.EqualTo((SnapshotStatus.Done, 3)));
        Assert.That((failed.Status, failed.Reason), Is.EqualTo((SnapshotStatus.Failed, "daemon stopped during capture 3 times")));
        Assert.That(SnapshotFolders.ReadDocument(Folders.Resolve(failed.Folder!))!.Status, Is.EqualTo(SnapshotStatus.Failed), "the failure is recorded on disk for reindex");
    }
}
