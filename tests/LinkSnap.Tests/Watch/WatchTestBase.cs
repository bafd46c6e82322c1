using LinkSnap.Core.Capture;
using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Watching;
using LinkSnap.Daemon;
using LinkSnap.Jobs;
using LinkSnap.Tests.Jobs;
using LinkSnap.Watch;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Watch;

/// <summary>
/// The watch parts on a fake clock over a real SQLite file and real snapshot folders: the scheduler
/// pass, the capture queue's runner, the judge. <see cref="Restart"/> builds them all again on the
/// same files, as a daemon start would.
/// </summary>
public abstract class WatchTestBase : QueueTestBase
{
    protected static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    protected JumpingClock Clock { get; private set; } = null!;
    protected WatchStore Watches { get; private set; } = null!;
    protected WatchScheduler Scheduler { get; private set; } = null!;
    protected CaptureJobRunner Runner { get; private set; } = null!;

    [SetUp]
    public void SetUpWatch()
    {
        Clock = new JumpingClock(Start);
        Build(new FakeCaptureEngine((request, folder, progress, _) => FakeCaptureEngine.SaveAsync(request, folder, progress)));
    }

    /// <summary>New store, runner, judge and scheduler on the same database and folders; interrupted captures are recovered.</summary>
    protected void Restart(ICaptureEngine engine)
    {
        Build(engine);
        foreach (var job in Store.Jobs.RecoverInterruptedJobs(maxAttempts: 3))
        {
            TestContext.Out.WriteLine($"recovered snapshot {job.SnapshotId}: {job.Status}");
        }
    }

    protected void Build(ICaptureEngine engine)
    {
        UseClock(Clock);
        var daemon = Options.Create(new DaemonOptions());
        var background = Options.Create(new BackgroundOptions { HostGap = TimeSpan.Zero });
        var capture = Options.Create(new CaptureOptions { JobTimeout = TimeSpan.FromMinutes(1) });
        Runner = new CaptureJobRunner(Store, Folders, new SnapshotWriter(Store, Folders), engine, Events, capture, background, Clock, NullLogger<CaptureJobRunner>.Instance);
        var queue = new CaptureQueue(Store, Runner, Events, daemon, background, new HostPoliteness(Clock), Clock, NullLogger<CaptureQueue>.Instance);
        Watches = new WatchStore(Database, Clock);
        var options = Options.Create(new WatchOptions());
        var judge = new WatchJudge(Store, Watches, Folders, options, NullLogger<WatchJudge>.Instance);
        Scheduler = new WatchScheduler(Watches, judge, queue, Events, options, Clock, NullLogger<WatchScheduler>.Instance);
    }

    /// <summary>A link with one finished first version, watched every <paramref name="period"/>.</summary>
    protected async Task<long> SavedAndWatchedAsync(string url, SchedulePeriod period)
    {
        var ticket = Store.AddCapture(new Uri(url), null, null, CaptureMode.Fresh);
        await RunQueuedAsync();
        Assert.That(Store.Snapshots.GetSnapshot(ticket.SnapshotId)!.Status, Is.EqualTo(SnapshotStatus.Done), "first version");
        Watches.SetLinkWatch(ticket.LinkId, period);
        return ticket.LinkId;
    }

    /// <summary>Runs every queued capture (user and background) to its end, one at a time; returns how many ran.</summary>
    protected async Task<int> RunQueuedAsync()
    {
        var ran = 0;
        while (Store.Jobs.ClaimNextJob(new BackgroundTurn([])) is { } job)
        {
            await Runner.RunAsync(job, CancellationToken.None);
            ran++;
        }

        return ran;
    }

    /// <summary>One scheduler pass, the captures it queued, and the pass that judges them; returns the checks run.</summary>
    protected async Task<int> CheckDueAsync()
    {
        Scheduler.RunOnce();
        var ran = await RunQueuedAsync();
        Scheduler.RunOnce();
        return ran;
    }

    protected int SnapshotRows(long linkId) => Store.Snapshots.ListSnapshots(linkId).Count;

    /// <summary>A fake clock that can also be set back, as a wall clock can (FakeTimeProvider refuses).</summary>
    protected sealed class JumpingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }
}
