using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Storage;
using LinkSnap.Daemon;
using Microsoft.Extensions.Options;

namespace LinkSnap.Jobs;

/// <summary>
/// Drains the persisted queue (snapshot rows in state "queued") with bounded concurrency. At start,
/// jobs left "running" by a daemon that died are re-queued or, past Daemon:MaxAttempts, failed.
/// User captures always go first; background jobs take at most Background:Concurrency slots (one slot
/// stays free for clicks), one per site at a time with Background:HostGap between them.
/// When nothing can start it sleeps (DueSleeper, on the injected clock) until <see cref="Notify"/> or
/// until the next background job may start (a retry's not-before time, a site's gap ending): an idle
/// daemon does not wake up to look at the queue.
/// </summary>
public sealed class CaptureQueue(
    LinkStore store,
    CaptureJobRunner runner,
    JobEvents events,
    IOptions<DaemonOptions> options,
    IOptions<BackgroundOptions> background,
    HostPoliteness politeness,
    TimeProvider time,
    ILogger<CaptureQueue> logger) : BackgroundService
{
    /// <summary>How long a queue that could not read the database waits before trying again.</summary>
    private static readonly TimeSpan RetryAfterDatabaseError = TimeSpan.FromSeconds(5);

    private readonly DueSleeper _sleeper = new(time);

    /// <summary>Tells the queue a job was added or may now start; every path that queues a job calls it.</summary>
    public void Notify() => _sleeper.Wake();

    /// <summary>
    /// Recovers before the API listens (hosted services start before the server): a client never sees a
    /// job that the store already calls failed while its record on disk is still being written.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Recover();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var slots = new SemaphoreSlim(options.Value.Concurrency);
        var backgroundSlots = background.Value.SlotsWithin(options.Value.Concurrency);
        var backgroundRunning = 0;
        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                SnapshotRecord? job;
                DateTimeOffset? wakeAt;
                try
                {
                    var turn = Volatile.Read(ref backgroundRunning) < backgroundSlots ? new BackgroundTurn(politeness.RestingSites()) : null;
                    job = store.Jobs.ClaimNextJob(turn);
                    wakeAt = job is null ? Earliest(store.Jobs.NextBackgroundJobStart(), politeness.NextRestEnd()) : null;
                }
                catch (Microsoft.Data.Sqlite.SqliteException e)
                {
                    // A locked or busy database must not stop the queue: try again shortly.
                    logger.LogError(e, "Could not take the next job from the queue");
                    job = null;
                    wakeAt = time.GetUtcNow() + RetryAfterDatabaseError;
                }

                if (job is null)
                {
                    slots.Release();
                    await _sleeper.SleepUntilAsync(wakeAt, stoppingToken);
                    continue;
                }

                running.RemoveAll(t => t.IsCompleted);
                events.Publish(JobEvent.From(job));
                var isBackground = JobClasses.IsBackground(job.JobClass);
                if (isBackground)
                {
                    // Before the job can end: the store stops calling it running before this task's finally runs.
                    politeness.Busy(SiteOf(job));
                    Interlocked.Increment(ref backgroundRunning);
                }

                running.Add(Task.Run(
                    async () =>
                    {
                        try
                        {
                            await runner.RunAsync(job, stoppingToken);
                        }
                        finally
                        {
                            if (isBackground)
                            {
                                politeness.Rest(SiteOf(job), background.Value.HostGap);
                                Interlocked.Decrement(ref backgroundRunning);
                            }

                            slots.Release();
                            Notify(); // a finished job may let a waiting background job start
                        }
                    },
                    CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Orderly shutdown: running jobs put themselves back in the queue.
        }

        await Task.WhenAll(running);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static string SiteOf(SnapshotRecord job) =>
        Uri.TryCreate(job.Url, UriKind.Absolute, out var url) ? Core.Urls.UrlNormalizer.Site(url) : "";

    private void Recover()
    {
        foreach (var job in store.Jobs.RecoverInterruptedJobs(options.Value.MaxAttempts))
        {
            logger.LogWarning("Snapshot {Id} was interrupted by a daemon stop: now {Status} {Reason}", job.SnapshotId, job.Status, job.Reason);
            if (job.Status == SnapshotStatus.Failed && store.Snapshots.GetSnapshot(job.SnapshotId) is { } failed)
            {
                runner.WriteRecord(failed);
            }

            events.Publish(new JobEvent(job.SnapshotId, job.LinkId, job.Status, null, job.Reason));
        }

        runner.CleanTemporaryFiles();
        politeness.Resume(store, background.Value.HostGap);
    }
}
