using LinkSnap.Core.Storage;
using LinkSnap.Daemon;
using Microsoft.Extensions.Options;

namespace LinkSnap.Jobs;

/// <summary>
/// Drains the persisted queue (snapshot rows in state "queued") with bounded concurrency. At start,
/// jobs left "running" by a daemon that died are re-queued or, past Daemon:MaxAttempts, failed.
/// User captures always go first; background jobs take at most Background:Concurrency slots (one slot
/// stays free for clicks), one per site at a time with Background:HostGap between them.
/// </summary>
public sealed class CaptureQueue(
    LinkStore store,
    CaptureJobRunner runner,
    JobEvents events,
    IOptions<DaemonOptions> options,
    IOptions<BackgroundOptions> background,
    HostPoliteness politeness,
    ILogger<CaptureQueue> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Tells the queue a job was added, so it does not wait for its next poll.</summary>
    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

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
                try
                {
                    var turn = Volatile.Read(ref backgroundRunning) < backgroundSlots ? new BackgroundTurn(politeness.RestingSites()) : null;
                    job = store.ClaimNextJob(turn);
                }
                catch (Microsoft.Data.Sqlite.SqliteException e)
                {
                    // A locked or busy database must not stop the queue: try again at the next poll.
                    logger.LogError(e, "Could not take the next job from the queue");
                    job = null;
                }

                if (job is null)
                {
                    slots.Release();
                    await _wake.WaitAsync(IdlePoll, stoppingToken);
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

    private static string SiteOf(SnapshotRecord job) =>
        Uri.TryCreate(job.Url, UriKind.Absolute, out var url) ? Core.Urls.UrlNormalizer.Site(url) : "";

    private void Recover()
    {
        foreach (var job in store.RecoverInterruptedJobs(options.Value.MaxAttempts))
        {
            logger.LogWarning("Snapshot {Id} was interrupted by a daemon stop: now {Status} {Reason}", job.SnapshotId, job.Status, job.Reason);
            if (job.Status == SnapshotStatus.Failed && store.GetSnapshot(job.SnapshotId) is { } failed)
            {
                runner.WriteRecord(failed);
            }

            events.Publish(new JobEvent(job.SnapshotId, job.LinkId, job.Status, null, job.Reason));
        }

        runner.CleanTemporaryFiles();
        politeness.Resume(store, background.Value.HostGap);
    }
}
