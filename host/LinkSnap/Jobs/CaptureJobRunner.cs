using LinkSnap.Core.Capture;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using Microsoft.Extensions.Options;

namespace LinkSnap.Jobs;

/// <summary>
/// Runs one claimed job: runs the capture engine into a temporary folder and hands the outcome to the
/// <see cref="SnapshotWriter"/> (snapshot.json, folder into place, row). Whatever happens, the job ends done, partial or failed with
/// a reason — or, on an orderly shutdown, back in the queue. A failed background capture goes back
/// to the queue with back-off (Background:MaxRetries) unless its page is gone.
/// </summary>
public sealed class CaptureJobRunner(
    LinkStore store,
    SnapshotFolders folders,
    SnapshotWriter writer,
    ICaptureEngine engine,
    JobEvents events,
    IOptions<CaptureOptions> capture,
    IOptions<BackgroundOptions> background,
    TimeProvider time,
    ILogger<CaptureJobRunner> logger)
{
    // Capture:JobTimeout is the one whole-job limit, and the engine enforces it itself, keeping what it
    // made by then (decision 066). The runner only backs it up for an engine that overruns: it asks the
    // engine to stop once StopGrace has passed beyond the limit, and gives up waiting HardStopGrace later.
    internal static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);
    internal static readonly TimeSpan HardStopGrace = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PersistRetryDelay = TimeSpan.FromSeconds(1);

    public async Task RunAsync(SnapshotRecord job, CancellationToken stoppingToken)
    {
        var temp = folders.CreateTempFolder(job.Id);
        var timeout = capture.Value.JobTimeout;
        // Both backstops run on the injected clock, so a test can reach them by moving a fake one.
        using var timeLimit = new CancellationTokenSource(timeout + StopGrace, time);
        using var jobCancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeLimit.Token);
        CaptureResult result;
        try
        {
            var request = new CaptureRequest { Url = new Uri(job.Url!), Mode = job.Mode, Html = ReadInput(job) };
            var progress = new StageProgress(store, events, job);
            result = await engine.CaptureAsync(request, temp, progress, jobCancellation.Token)
                .WaitAsync(timeout + StopGrace + HardStopGrace, time, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Snapshot {Id} goes back to the queue: the daemon is stopping", job.Id);
            store.Jobs.ReleaseJob(job.Id);
            TryDelete(temp);
            events.Publish(new JobEvent(job.Id, job.LinkId, SnapshotStatus.Queued, null, null));
            return;
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // The engine may still be writing into its folder: record the failure in a fresh one.
            temp = folders.CreateTempFolder(job.Id);
            result = Failed($"the capture took longer than {timeout.TotalSeconds:0} s (Capture:JobTimeout) and did not stop by itself; it was stopped");
        }
        catch (FileNotFoundException e)
        {
            result = Failed(e.Message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Capture engine error on snapshot {Id}", job.Id);
            result = Failed($"the capture engine failed: {e.Message}");
        }

        if (DiskFullDetail(result) is { } full)
        {
            // Files missing because the disk filled up make no honest partial snapshot: drop them all
            // (which also frees the space the failure record needs) and say why.
            TryDelete(temp);
            result = Failed(StorageFaults.DiskFull(full));
        }

        try
        {
            if (!Directory.Exists(temp))
            {
                temp = folders.CreateTempFolder(job.Id);
            }

            await FinishAsync(job, temp, result, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while waiting for a locked database: the job is still "running" there, and the next start re-queues it.
            TryDelete(temp);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not save snapshot {Id}", job.Id);
            TryDelete(temp);
            var reason = StorageFaults.IsDiskFull(e) ? StorageFaults.DiskFull(e.Message) : $"could not save the snapshot: {e.Message}";
            try
            {
                await RecordFailureAsync(job, reason, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // As above: re-queued at the next start.
            }
        }
        finally
        {
            CaptureMemory.Shared.Release();
        }
    }

    /// <summary>Writes a folder with only snapshot.json for a job that ended without a capture (e.g. failed at recovery).</summary>
    public void WriteRecord(SnapshotRecord snapshot) => writer.WriteRecord(snapshot);

    public void CleanTemporaryFiles() => folders.CleanTemp();

    /// <summary>
    /// Records a job that could not be saved: with a snapshot.json-only folder when the disk allows (so
    /// reindex keeps it), else in the database alone.
    /// </summary>
    private async Task RecordFailureAsync(SnapshotRecord job, string reason, CancellationToken stoppingToken)
    {
        var failed = job with { Status = SnapshotStatus.Failed, Stage = null, Reason = reason, FinishedAt = time.GetUtcNow() };
        try
        {
            await PersistAsync(() => { WriteRecord(failed); return true; }, stoppingToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Snapshot {Id} is recorded as failed without a folder", job.Id);
            await PersistAsync(() => store.Jobs.CompleteSnapshot(job.Id, new SnapshotCompletion { Status = SnapshotStatus.Failed, Reason = reason, FinishedAt = failed.FinishedAt }), stoppingToken);
        }

        events.Publish(new JobEvent(job.Id, job.LinkId, SnapshotStatus.Failed, null, reason));
    }

    /// <summary>
    /// Runs a store write, waiting out a database locked by another process for longer than its busy
    /// timeout: a finished job's outcome is never dropped. If the daemon stops first, the job is still
    /// "running" in the database and the next start re-queues it.
    /// </summary>
    private async Task<T> PersistAsync<T>(Func<T> write, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return write();
            }
            catch (Exception e) when (StorageFaults.IsBusy(e) && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("The database is locked; recording the outcome again (attempt {Attempt}): {Message}", attempt, e.Message);
                await Task.Delay(PersistRetryDelay, time, stoppingToken);
            }
        }
    }

    /// <summary>The disk-full error that cost this capture files, or null.</summary>
    private static string? DiskFullDetail(CaptureResult result) =>
        StorageFaults.IsDiskFull(result.Reason) ? result.Reason
        : result.Artifacts.FirstOrDefault(a => a.Status == ArtifactStatus.Failed && StorageFaults.IsDiskFull(a.Error)) is { } a ? $"{a.Kind}: {a.Error}"
        : null;

    private async Task FinishAsync(SnapshotRecord job, string temp, CaptureResult result, CancellationToken stoppingToken)
    {
        var status = result.Outcome switch
        {
            CaptureOutcome.Done => SnapshotStatus.Done,
            CaptureOutcome.Partial => SnapshotStatus.Partial,
            _ => SnapshotStatus.Failed,
        };
        var reason = status == SnapshotStatus.Done ? result.Reason : result.Reason ?? $"the capture ended {status.ToString().ToLowerInvariant()} without saying why";
        var link = store.GetLink(job.LinkId);
        if (link is null)
        {
            TryDelete(temp); // deleted while it was being captured
            return;
        }

        var gone = GonePages.IsGone(result);
        if (status == SnapshotStatus.Failed && !gone && TryScheduleRetry(job, reason!))
        {
            TryDelete(temp);
            return;
        }

        var finished = job with
        {
            Status = status,
            Stage = null,
            Reason = reason,
            FinishedAt = time.GetUtcNow(),
            Metadata = result.Metadata,
            Artifacts = result.Artifacts,
            TimingsMs = result.TimingsMs,
            Gone = gone,
        };
        var relative = writer.WriteFolder(temp, finished, link, result.ArticleText);
        var completion = new SnapshotCompletion
        {
            Status = status,
            Reason = reason,
            Folder = relative,
            Metadata = result.Metadata,
            Artifacts = result.Artifacts,
            TimingsMs = result.TimingsMs,
            ArticleText = result.ArticleText,
            FinishedAt = finished.FinishedAt,
            Gone = gone,
        };
        if (!await PersistAsync(() => writer.Record(job.Id, completion), stoppingToken))
        {
            return; // deleted while it was being captured
        }

        if (job.InputPath is not null)
        {
            folders.Delete([job.InputPath]);
        }

        logger.LogInformation("Snapshot {Id} of {Url}: {Status} {Reason}", job.Id, job.Url, status, reason);
        events.Publish(new JobEvent(job.Id, job.LinkId, status, null, reason));
    }

    /// <summary>Queues a failed background capture again after its back-off; false when it has no retry left.</summary>
    private bool TryScheduleRetry(SnapshotRecord job, string reason)
    {
        var settings = background.Value;
        if (!JobClasses.IsBackground(job.JobClass) || job.JobClass == JobClasses.Watch || job.Retries >= settings.MaxRetries)
        {
            return false;
        }

        var at = time.GetUtcNow() + settings.RetryDelayFor(job.Retries);
        var retry = $"attempt {job.Retries + 1} of {settings.MaxRetries + 1} failed ({reason}); retrying after {StorageText.Time(at)}";
        if (store.Jobs.ScheduleRetry(job.Id, at, retry))
        {
            logger.LogInformation("Snapshot {Id} of {Url}: {Reason}", job.Id, job.Url, retry);
            events.Publish(new JobEvent(job.Id, job.LinkId, SnapshotStatus.Queued, null, retry));
        }

        return true;
    }

    private string? ReadInput(SnapshotRecord job)
    {
        if (job.InputPath is null)
        {
            return null;
        }

        var path = folders.Resolve(job.InputPath);
        return File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException("the page content sent for this as-seen capture is missing from " + job.InputPath);
    }

    private static CaptureResult Failed(string reason) => new() { Outcome = CaptureOutcome.Failed, Reason = reason };

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned at the next start (snapshots/.tmp).
        }
    }

    /// <summary>Records stage changes synchronously, in order (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class StageProgress(LinkStore store, JobEvents events, SnapshotRecord job) : IProgress<CaptureStage>
    {
        public void Report(CaptureStage value)
        {
            try
            {
                store.Jobs.SetStage(job.Id, value);
            }
            catch (Exception e) when (StorageFaults.IsBusy(e) || StorageFaults.IsDiskFull(e))
            {
                // The stage is only shown while the job runs: a locked or full database must not fail the capture.
                return;
            }

            events.Publish(new JobEvent(job.Id, job.LinkId, SnapshotStatus.Running, value, null));
        }
    }
}
