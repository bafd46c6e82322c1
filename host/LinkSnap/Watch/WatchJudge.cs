using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Watching;
using Microsoft.Extensions.Options;

namespace LinkSnap.Watch;

/// <summary>
/// Turns a finished check capture into a check row: unchanged (its folder and row are removed, only
/// the row in watch_checks remains), changed (the version stays, the link is marked) or failed (the
/// schedule backs off). Runs after the capture was committed, so a daemon killed at any point leaves
/// a check that is judged at the next start.
/// </summary>
public sealed class WatchJudge(LinkStore links, WatchStore watches, SnapshotFolders folders, IOptions<WatchOptions> options, ILogger<WatchJudge> logger)
{
    private readonly ChangeRule _rule = new(folders, options.Value.ChangedPixelShare);

    /// <summary>Records every check whose capture has ended; returns how many.</summary>
    public int JudgeFinished()
    {
        var finished = watches.FinishedInFlight(links);
        foreach (var check in finished)
        {
            try
            {
                Judge(check);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                logger.LogError(e, "Check of link {LinkId} could not be judged", check.LinkId);
                watches.RecordCheck(check, WatchOutcomes.Failed, $"the check could not be compared: {e.Message}");
            }
        }

        return finished.Count;
    }

    private void Judge(InFlightCheck check)
    {
        var snapshot = check.Snapshot;
        var (outcome, reason) = snapshot switch
        {
            null => (WatchOutcomes.Failed, "the check's capture was deleted before it finished"),
            { Status: SnapshotStatus.Failed } => (WatchOutcomes.Failed, snapshot.Reason ?? "the capture failed"),
            _ when snapshot.Folder is null || !Directory.Exists(folders.Resolve(snapshot.Folder)) => (WatchOutcomes.Failed, "the check's files are missing"),
            _ => Compare(snapshot),
        };
        if (outcome != WatchOutcomes.Changed && snapshot?.Folder is { } folder)
        {
            folders.Delete([folder]); // before the row: a crash in between leaves a row that is judged again, never a folder without a row
        }

        watches.RecordCheck(check, outcome, reason);
        logger.LogInformation("Watch check of link {LinkId}: {Outcome} ({Reason})", check.LinkId, outcome, reason);
    }

    private (string Outcome, string Reason) Compare(SnapshotRecord snapshot)
    {
        var previous = links.Snapshots.ListSnapshots(snapshot.LinkId)
            .FirstOrDefault(s => s.Id < snapshot.Id && s.Folder is not null && s.Status is SnapshotStatus.Done or SnapshotStatus.Partial
                && Directory.Exists(folders.Resolve(s.Folder)));
        if (previous is null)
        {
            return (WatchOutcomes.Changed, "first version of this link");
        }

        var verdict = _rule.Judge(previous, snapshot);
        return (verdict.Changed ? WatchOutcomes.Changed : WatchOutcomes.Unchanged, verdict.Reason);
    }
}
