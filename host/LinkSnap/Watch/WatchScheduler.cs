using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Watching;
using LinkSnap.Jobs;
using Microsoft.Extensions.Options;

namespace LinkSnap.Watch;

/// <summary>
/// Re-captures watched links when they are due. It sleeps until the earliest due time
/// (<see cref="DueSleeper"/>, no polling), and wakes early when a watch changes or a check's capture
/// ends. Each pass judges finished checks, follows tag watches, and queues due checks as background
/// captures (job class "watch": below user captures, one per site with its gap, see CaptureQueue).
/// </summary>
public sealed class WatchScheduler(
    WatchStore watches,
    WatchJudge judge,
    CaptureQueue queue,
    JobEvents events,
    IOptions<WatchOptions> options,
    TimeProvider time,
    ILogger<WatchScheduler> logger) : BackgroundService
{
    private readonly DueSleeper _sleeper = new(time);
    private DateTimeOffset? _lastSync;

    /// <summary>A watch was added or changed: look at the schedule again now.</summary>
    public void Wake() => _sleeper.Wake();

    /// <summary>
    /// One pass: judge ended checks, sync tag watches, queue what is due. Returns the next due time.
    /// Public so tests can drive a month of schedules step by step on a fake clock.
    /// </summary>
    public DateTimeOffset? RunOnce()
    {
        judge.JudgeFinished();
        var now = time.GetUtcNow();
        if (_lastSync is not { } last || now - last >= DueSleeper.MaxNap || now < last)
        {
            // Links tagged after a tag was watched join within one nap; changing a tag watch syncs at once.
            watches.SyncTagWatches();
            _lastSync = now;
        }

        var queued = watches.ClaimDue(options.Value.MaxQueuedPerWake);
        if (queued.Count > 0)
        {
            logger.LogInformation("Queued {Count} watch checks", queued.Count);
            queue.Notify();
        }

        return watches.EarliestDue();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Watch:Enabled is false: watched links are not re-captured");
            return;
        }

        await Task.Yield();
        using var subscription = events.Subscribe();
        var listening = ListenAsync(subscription, stoppingToken);
        var lastNow = time.GetUtcNow();
        SanitizeAfterClockJump(force: true);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                SanitizeAfterClockJump(force: now < lastNow);
                lastNow = now;
                DateTimeOffset? next;
                try
                {
                    next = RunOnce();
                }
                catch (Microsoft.Data.Sqlite.SqliteException e)
                {
                    logger.LogError(e, "Watch scheduler pass failed; trying again shortly");
                    next = now + TimeSpan.FromMinutes(1);
                }

                await _sleeper.SleepUntilAsync(next, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Orderly shutdown: checks in flight are judged at the next start.
        }

        await listening;
    }

    private void SanitizeAfterClockJump(bool force)
    {
        if (force && watches.SanitizeDueTimes() is var moved and > 0)
        {
            logger.LogWarning("The clock moved backwards: {Count} watch due times were pulled in", moved);
        }
    }

    /// <summary>Wakes the loop when a watch check's capture ends, so it is judged at once.</summary>
    private async Task ListenAsync(JobEvents.Subscription subscription, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in subscription.Reader.ReadAllAsync(stoppingToken))
            {
                if (change.Status is not (SnapshotStatus.Queued or SnapshotStatus.Running))
                {
                    _sleeper.Wake();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
