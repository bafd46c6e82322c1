using Dapper;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Watching;

/// <summary>The scheduler's side of the store: due checks become background captures, finished ones become check rows.</summary>
public sealed partial class WatchStore
{
    /// <summary>
    /// Queues a background capture (job class "watch") for up to <paramref name="limit"/> due watches
    /// with no check in flight, in one transaction with the pointer to it: a link never has two checks
    /// at once, and a crash leaves either both or neither. Returns the snapshot ids queued.
    /// </summary>
    public IReadOnlyList<long> ClaimDue(int limit)
    {
        var now = StorageText.Time(time.GetUtcNow());
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var due = connection.Query<long>(
            "SELECT link_id FROM watches WHERE snapshot_id IS NULL AND period <> 'off' AND next_due_at <= @now ORDER BY next_due_at LIMIT @limit",
            new { now, limit },
            transaction).ToList();
        var queued = new List<long>(due.Count);
        foreach (var linkId in due)
        {
            var snapshotId = JobQueue.Enqueue(connection, transaction, linkId, CaptureMode.Fresh, null, now, JobClasses.Watch);
            connection.Execute("UPDATE watches SET snapshot_id = @snapshotId WHERE link_id = @linkId", new { snapshotId, linkId }, transaction);
            queued.Add(snapshotId);
        }

        transaction.Commit();
        return queued;
    }

    /// <summary>The soonest due time of a watch with no check in flight; null when nothing is watched.</summary>
    public DateTimeOffset? EarliestDue()
    {
        using var connection = database.Open();
        return StorageText.ParseTimeOrNull(connection.ExecuteScalar<string?>(
            "SELECT MIN(next_due_at) FROM watches WHERE snapshot_id IS NULL AND period <> 'off'"));
    }

    /// <summary>Checks whose capture is no longer queued or running (finished, failed at recovery, or deleted).</summary>
    public IReadOnlyList<InFlightCheck> FinishedInFlight(LinkStore links)
    {
        using var connection = database.Open();
        var rows = connection.Query<(long LinkId, long SnapshotId, string Period, long Failures)>(
            """
            SELECT w.link_id, w.snapshot_id, w.period, w.failures FROM watches w LEFT JOIN snapshots s ON s.id = w.snapshot_id
            WHERE w.snapshot_id IS NOT NULL AND (s.id IS NULL OR s.status NOT IN ('queued', 'running'))
            """).ToList();
        return rows.Select(r => new InFlightCheck(r.LinkId, r.SnapshotId, SchedulePeriods.Parse(r.Period), (int)r.Failures, links.Snapshots.GetSnapshot(r.SnapshotId))).ToList();
    }

    /// <summary>
    /// Records a finished check and schedules the next one. An unchanged or failed check also deletes
    /// its snapshot row in the same transaction (the caller removes the folder, if any, first); a changed
    /// one keeps it and marks the link changed.
    /// </summary>
    public void RecordCheck(InFlightCheck check, string outcome, string? reason)
    {
        var now = time.GetUtcNow();
        var key = WatchRecord.KeyOf(check.LinkId);
        var failures = outcome == WatchOutcomes.Failed ? check.Failures + 1 : 0;
        DateTimeOffset? next = check.Period == SchedulePeriod.Off ? null
            : failures > 0 ? ScheduleRule.NextDueAfterFailure(check.Period, key, now, failures)
            : ScheduleRule.NextDue(check.Period, key, now);
        var kept = outcome == WatchOutcomes.Changed;
        var parameters = new
        {
            linkId = check.LinkId,
            snapshotId = check.SnapshotId,
            kept = kept ? check.SnapshotId : (long?)null,
            now = StorageText.Time(now),
            next = next is { } n ? StorageText.Time(n) : null,
            outcome,
            reason,
            failures,
        };
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (!kept)
        {
            connection.Execute("DELETE FROM snapshots WHERE id = @snapshotId", parameters, transaction);
            connection.Execute(
                "UPDATE links SET latest_snapshot_id = (SELECT MAX(id) FROM snapshots WHERE link_id = @linkId) WHERE id = @linkId AND latest_snapshot_id IS NOT (SELECT MAX(id) FROM snapshots WHERE link_id = @linkId)",
                parameters,
                transaction);
        }
        else
        {
            connection.Execute("UPDATE links SET changed_at = @now WHERE id = @linkId", parameters, transaction);
        }

        connection.Execute(
            "INSERT INTO watch_checks (link_id, checked_at, outcome, reason, snapshot_id) VALUES (@linkId, @now, @outcome, @reason, @kept)",
            parameters,
            transaction);
        connection.Execute(
            """
            UPDATE watches SET snapshot_id = NULL, next_due_at = @next, failures = @failures, last_checked_at = @now, last_outcome = @outcome, last_reason = @reason
            WHERE link_id = @linkId AND snapshot_id = @snapshotId
            """,
            parameters,
            transaction);
        transaction.Commit();
        LibrarySettingsFile.TrySave(database); // the due time, failures and last outcome moved; never fails the recorded check
    }

    /// <summary>A link's checks, newest first.</summary>
    public IReadOnlyList<WatchCheck> ListChecks(long linkId, int limit)
    {
        using var connection = database.Open();
        return connection.Query<CheckRow>(
            $"SELECT {CheckRow.Columns} FROM watch_checks c JOIN links l ON l.id = c.link_id WHERE c.link_id = @linkId ORDER BY c.id DESC LIMIT @limit",
            new { linkId, limit }).Select(r => r.ToCheck()).ToList();
    }

    /// <summary>The Changes list: checks that kept a changed version, newest first.</summary>
    public IReadOnlyList<WatchCheck> ListChanges(int limit)
    {
        using var connection = database.Open();
        return connection.Query<CheckRow>(
            $"SELECT {CheckRow.Columns} FROM watch_checks c JOIN links l ON l.id = c.link_id WHERE c.outcome = 'changed' ORDER BY c.id DESC LIMIT @limit",
            new { limit }).Select(r => r.ToCheck()).ToList();
    }

    /// <summary>The person looked at the link: it leaves the "changed since I last looked" filter. False when it was not marked.</summary>
    public bool MarkSeen(long linkId)
    {
        using var connection = database.Open();
        return connection.Execute("UPDATE links SET changed_at = NULL WHERE id = @linkId AND changed_at IS NOT NULL", new { linkId }) > 0;
    }

    /// <summary>
    /// After the clock moved backwards, due times further ahead than the schedule could have set are
    /// pulled in (<see cref="ScheduleRule.Sanitize"/>). Only rows beyond one and a half periods are read,
    /// so a normal start-up touches only failing watches. Returns how many moved.
    /// </summary>
    public int SanitizeDueTimes()
    {
        var now = time.GetUtcNow();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var moved = 0;
        foreach (var period in Enum.GetValues<SchedulePeriod>().Where(p => p != SchedulePeriod.Off))
        {
            var beyond = StorageText.Time(now + (period.Length() * (1 + ScheduleRule.JitterShare)));
            var rows = connection.Query<(long LinkId, string Due, long Failures)>(
                "SELECT link_id, next_due_at, failures FROM watches WHERE period = @period AND next_due_at > @beyond",
                new { period = period.ToName(), beyond },
                transaction).ToList();
            foreach (var row in rows)
            {
                var due = StorageText.ParseTime(row.Due);
                var sane = ScheduleRule.Sanitize(period, WatchRecord.KeyOf(row.LinkId), due, now, (int)row.Failures);
                if (sane != due)
                {
                    connection.Execute("UPDATE watches SET next_due_at = @sane WHERE link_id = @linkId", new { sane = StorageText.Time(sane), linkId = row.LinkId }, transaction);
                    moved++;
                }
            }
        }

        transaction.Commit();
        if (moved > 0)
        {
            LibrarySettingsFile.TrySave(database);
        }

        return moved;
    }

    private sealed class CheckRow
    {
        public const string Columns = "c.id, c.link_id, c.checked_at, c.outcome, c.reason, c.snapshot_id, l.url, l.title";

        public long Id { get; set; }
        public long LinkId { get; set; }
        public string CheckedAt { get; set; } = "";
        public string Outcome { get; set; } = "";
        public string? Reason { get; set; }
        public long? SnapshotId { get; set; }
        public string Url { get; set; } = "";
        public string Title { get; set; } = "";

        public WatchCheck ToCheck() => new(Id, LinkId, StorageText.ParseTime(CheckedAt), Outcome, Reason, SnapshotId) { Url = Url, Title = Title };
    }
}
