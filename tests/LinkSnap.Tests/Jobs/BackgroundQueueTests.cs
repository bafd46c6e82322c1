using LinkSnap.Core.Capture;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Jobs;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Jobs;

/// <summary>Background classes in the queue: below user captures, one per site with a gap, retried with back-off, gone pages not retried.</summary>
public sealed class BackgroundQueueTests : QueueTestBase
{
    private static readonly BackgroundOptions NoGap = new() { HostGap = TimeSpan.Zero };

    private static Task<CaptureResult> SaveAsync(CaptureRequest request, string folder, IProgress<CaptureStage>? progress) =>
        FakeCaptureEngine.SaveAsync(request, folder, progress);

    [Test]
    public async Task A_click_starts_at_once_while_an_import_fills_the_queue_and_imports_never_take_the_last_slot()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = new FakeCaptureEngine(async (request, folder, progress, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            return await SaveAsync(request, folder, progress);
        });
        var imports = Enumerable.Range(0, 20).Select(i => Enqueue($"https://site{i}.example/a", JobClasses.Import)).ToList();
        var queue = Queue(engine, concurrency: 2, background: NoGap);
        await queue.StartAsync(CancellationToken.None);
        await WaitForAsync(imports[0], s => s.Status == SnapshotStatus.Running);

        var click = Enqueue("https://user.example/now", JobClasses.User, queue);
        var running = await WaitForAsync(click, s => s.Status == SnapshotStatus.Running);

        Assert.That(running.JobClass, Is.EqualTo(JobClasses.User));
        Assert.That(Store.Snapshots.GetSnapshot(imports[1])!.Status, Is.EqualTo(SnapshotStatus.Queued), "the second slot went to the click, not to the next import");
        gate.SetResult();
        Assert.That((await WaitFinishedAsync(click)).Status, Is.EqualTo(SnapshotStatus.Done));
        foreach (var id in imports)
        {
            Assert.That((await WaitFinishedAsync(id)).Status, Is.EqualTo(SnapshotStatus.Done));
        }

        await queue.StopAsync(CancellationToken.None);
        Assert.That(engine.MaxInFlight, Is.EqualTo(2), "one import at a time plus the click");
    }

    [Test]
    public async Task Background_captures_of_one_site_run_one_at_a_time_with_the_configured_gap()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        UseClock(clock);
        var started = new List<string>();
        var engine = new FakeCaptureEngine((request, folder, progress, _) =>
        {
            lock (started)
            {
                started.Add(request.Url.AbsoluteUri);
            }

            return SaveAsync(request, folder, progress);
        });
        var first = Enqueue("https://www.slow.example/1", JobClasses.Import);
        var second = Enqueue("https://slow.example/2", JobClasses.Import);
        var other = Enqueue("https://other.example/1", JobClasses.Import);
        var queue = Queue(engine, concurrency: 3, background: new BackgroundOptions { Concurrency = 2, HostGap = TimeSpan.FromMinutes(1) }, time: clock);
        await queue.StartAsync(CancellationToken.None);

        await WaitFinishedAsync(first);
        await WaitFinishedAsync(other);
        queue.Notify();
        await Task.Delay(300); // give the queue every chance to start the resting site early

        Assert.That(Store.Snapshots.GetSnapshot(second)!.Status, Is.EqualTo(SnapshotStatus.Queued), "slow.example rests for a minute after its capture");
        clock.Advance(TimeSpan.FromSeconds(61));
        queue.Notify();
        Assert.That((await WaitFinishedAsync(second)).Status, Is.EqualTo(SnapshotStatus.Done));
        await queue.StopAsync(CancellationToken.None);
        Assert.That(started.IndexOf("https://slow.example/2"), Is.EqualTo(2), "www.slow.example and slow.example are one site");
    }

    [Test]
    public async Task The_per_site_gap_survives_a_restart_of_the_queue()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        UseClock(clock);
        var engine = new FakeCaptureEngine((request, folder, progress, _) => SaveAsync(request, folder, progress));
        var settings = new BackgroundOptions { HostGap = TimeSpan.FromMinutes(1) };
        var first = Enqueue("https://polite.example/1", JobClasses.Import);
        var before = Queue(engine, background: settings, time: clock);
        await before.StartAsync(CancellationToken.None);
        await WaitFinishedAsync(first);
        await before.StopAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(20));
        var second = Enqueue("https://polite.example/2", JobClasses.Import);

        var after = Queue(engine, background: settings, time: clock); // a new daemon: nothing in memory from before
        await after.StartAsync(CancellationToken.None);
        after.Notify();
        await Task.Delay(300); // give the queue every chance to start the resting site early

        Assert.That(Store.Snapshots.GetSnapshot(second)!.Status, Is.EqualTo(SnapshotStatus.Queued), "polite.example still rests 40 s of its gap after the restart");
        clock.Advance(TimeSpan.FromSeconds(41));
        after.Notify();
        Assert.That((await WaitFinishedAsync(second)).Status, Is.EqualTo(SnapshotStatus.Done));
        await after.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task A_failed_background_capture_is_retried_with_back_off_and_shown_as_waiting()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        UseClock(clock);
        var calls = 0;
        var engine = new FakeCaptureEngine((request, folder, progress, _) => Interlocked.Increment(ref calls) <= 2
            ? Task.FromResult(new CaptureResult { Outcome = CaptureOutcome.Failed, Reason = "Could not connect to flaky.example: refused" })
            : SaveAsync(request, folder, progress));
        var settings = new BackgroundOptions { HostGap = TimeSpan.Zero, MaxRetries = 3, RetryDelay = TimeSpan.FromMinutes(10) };
        var id = Enqueue("https://flaky.example/a", JobClasses.Import);
        var queue = Queue(engine, background: settings, time: clock);
        await queue.StartAsync(CancellationToken.None);

        var waiting = await WaitForAsync(id, s => s.Retries == 1 && s.Status == SnapshotStatus.Queued);
        Assert.That(waiting.NotBefore, Is.EqualTo(clock.GetUtcNow().AddMinutes(10)));
        Assert.That(waiting.Reason, Is.EqualTo("attempt 1 of 4 failed (Could not connect to flaky.example: refused); retrying after 2026-12-05T12:10:00.000Z"));
        Assert.That(waiting.Folder, Is.Null, "a retry leaves no failed folder behind");

        clock.Advance(TimeSpan.FromMinutes(10));
        queue.Notify();
        var again = await WaitForAsync(id, s => s.Retries == 2 && s.Status == SnapshotStatus.Queued);
        Assert.That(again.NotBefore, Is.EqualTo(clock.GetUtcNow().AddMinutes(20)), $"the wait doubles ({again.Reason})");

        clock.Advance(TimeSpan.FromMinutes(20));
        queue.Notify();
        var done = await WaitFinishedAsync(id);
        await queue.StopAsync(CancellationToken.None);
        Assert.That((done.Status, done.Retries, done.Reason), Is.EqualTo((SnapshotStatus.Done, 2, (string?)null)));
    }

    [Test]
    public async Task An_idle_queue_wakes_by_itself_when_a_retry_is_due_or_a_site_has_rested()
    {
        // No Notify after the clock moves: the queue sleeps until the earliest time a held-back job may
        // start (decision 044), instead of polling every few seconds.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        UseClock(clock);
        var calls = 0;
        var engine = new FakeCaptureEngine((request, folder, progress, _) => request.Url.Host == "flaky.example" && Interlocked.Increment(ref calls) == 1
            ? Task.FromResult(new CaptureResult { Outcome = CaptureOutcome.Failed, Reason = "Could not connect to flaky.example: refused" })
            : SaveAsync(request, folder, progress));
        var settings = new BackgroundOptions { HostGap = TimeSpan.FromMinutes(1), MaxRetries = 3, RetryDelay = TimeSpan.FromMinutes(10) };
        var flaky = Enqueue("https://flaky.example/a", JobClasses.Import);
        var first = Enqueue("https://rested.example/1", JobClasses.Import);
        var second = Enqueue("https://rested.example/2", JobClasses.Import);
        var queue = Queue(engine, concurrency: 3, background: settings, time: clock);
        await queue.StartAsync(CancellationToken.None);

        await WaitForAsync(flaky, s => s.Retries == 1 && s.Status == SnapshotStatus.Queued);
        await WaitFinishedAsync(first);
        Assert.That(Store.Snapshots.GetSnapshot(second)!.Status, Is.EqualTo(SnapshotStatus.Queued), "rested.example rests for a minute");

        Assert.That((await AdvanceUntilFinishedAsync(clock, second, TimeSpan.FromSeconds(61))).Status, Is.EqualTo(SnapshotStatus.Done), "the site's rest ended: the queue woke without a Notify");
        Assert.That((await AdvanceUntilFinishedAsync(clock, flaky, TimeSpan.FromMinutes(10))).Status, Is.EqualTo(SnapshotStatus.Done), "the retry's time came: the queue woke without a Notify");
        await queue.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task A_failed_user_capture_and_a_background_capture_out_of_retries_stay_failed()
    {
        var engine = new FakeCaptureEngine((_, _, _, _) => Task.FromResult(new CaptureResult { Outcome = CaptureOutcome.Failed, Reason = "refused" }));
        var user = Enqueue("/user");
        var import = Enqueue("https://once.example/a", JobClasses.Import);
        var queue = Queue(engine, background: new BackgroundOptions { HostGap = TimeSpan.Zero, MaxRetries = 0 });
        await queue.StartAsync(CancellationToken.None);

        var userFailed = await WaitFinishedAsync(user);
        var importFailed = await WaitFinishedAsync(import);
        await queue.StopAsync(CancellationToken.None);

        Assert.That((userFailed.Status, userFailed.Retries, userFailed.Reason), Is.EqualTo((SnapshotStatus.Failed, 0, "refused")));
        Assert.That((importFailed.Status, importFailed.Retries), Is.EqualTo((SnapshotStatus.Failed, 0)));
        Assert.That(SnapshotFolders.ReadDocument(Folders.Resolve(importFailed.Folder!))!.JobClass, Is.EqualTo(JobClasses.Import));
    }

    [Test]
    public async Task A_page_gone_at_import_time_is_marked_gone_and_not_retried()
    {
        var engine = new FakeCaptureEngine((request, _, _, _) => Task.FromResult(request.Url.Host == "nxdomain.example"
            ? new CaptureResult { Outcome = CaptureOutcome.Failed, Reason = "DNS lookup failed for nxdomain.example." }
            : new CaptureResult
            {
                Outcome = CaptureOutcome.Partial,
                Reason = "HTTP 410 Gone",
                Metadata = new PageMetadata { HttpStatus = 410, Title = "Gone" },
                Artifacts = [new ArtifactInfo(ArtifactKinds.Html, "page.html", ArtifactStatus.Ok, 20, "text/html")],
            }));
        var dns = Enqueue("https://nxdomain.example/a", JobClasses.Import);
        var removed = Enqueue("https://removed.example/a", JobClasses.Import);
        var queue = Queue(engine, background: NoGap);
        await queue.StartAsync(CancellationToken.None);

        var dnsGone = await WaitFinishedAsync(dns);
        var removedGone = await WaitFinishedAsync(removed);
        await queue.StopAsync(CancellationToken.None);

        Assert.That((dnsGone.Status, dnsGone.Gone, dnsGone.Retries), Is.EqualTo((SnapshotStatus.Failed, true, 0)));
        Assert.That((removedGone.Status, removedGone.Gone), Is.EqualTo((SnapshotStatus.Partial, true)));
        Assert.That(SnapshotFolders.ReadDocument(Folders.Resolve(dnsGone.Folder!))!.Gone, Is.True, "kept in snapshot.json for reindex");
        Assert.That(Store.GetLink(dnsGone.LinkId)!.Latest!.Gone, Is.True);
    }
}
