using Dapper;
using LinkSnap.Core.Health;

namespace LinkSnap.Core.Storage;

/// <summary>Link checks: which links to check (on demand or when due), recording a check, a link's history.</summary>
public sealed class HealthStore(LinkSnapDatabase database, TimeProvider time)
{
    private const string HealthTargetColumns =
        "l.id AS LinkId, l.url AS Url, l.site AS Site, " +
        "(SELECT s.folder FROM snapshots s WHERE s.link_id = l.id AND s.status IN ('done', 'partial') AND s.folder IS NOT NULL ORDER BY s.id DESC LIMIT 1) AS LatestFolder";

    /// <summary>
    /// Links to check on demand, in id order after <paramref name="afterId"/>: the given ids, or those
    /// carrying a tag (or its children), or all of them.
    /// </summary>
    public IReadOnlyList<HealthTarget> HealthTargets(IReadOnlyCollection<long>? linkIds, string? tag, long afterId = 0, int limit = LinkListing.MaxPageSize)
    {
        var clause = linkIds is { Count: > 0 } ? "l.id IN @linkIds"
            : string.IsNullOrWhiteSpace(tag) ? "1"
            : "l.id IN (SELECT lt.link_id FROM link_tags lt JOIN tags t ON t.id = lt.tag_id WHERE t.key = @key OR substr(t.key, 1, length(@key) + 1) = @key || '/')";
        var key = string.IsNullOrWhiteSpace(tag) ? null : TagName.Key(TagName.NormalizeAll([tag]).FirstOrDefault() ?? tag);
        using var connection = database.Open();
        return connection.Query<HealthTarget>(
            $"SELECT {HealthTargetColumns} FROM links l WHERE {clause} AND l.id > @afterId ORDER BY l.id LIMIT @limit",
            new { linkIds, key, afterId, limit }).ToList();
    }

    /// <summary>Links whose scheduled check is due at <paramref name="now"/>, earliest first.</summary>
    public IReadOnlyList<HealthTarget> DueHealthTargets(DateTimeOffset now, int limit)
    {
        using var connection = database.Open();
        return connection.Query<HealthTarget>(
            $"SELECT {HealthTargetColumns} FROM links l WHERE l.health_due_at <= @now ORDER BY l.health_due_at LIMIT @limit",
            new { now = StorageText.Time(now), limit }).ToList();
    }

    /// <summary>The earliest scheduled check, or null when none is scheduled.</summary>
    public DateTimeOffset? NextHealthDue()
    {
        using var connection = database.Open();
        return StorageText.ParseTimeOrNull(connection.ExecuteScalar<string?>("SELECT MIN(health_due_at) FROM links"));
    }

    /// <summary>Gives every link without a scheduled check one (from its id and when it was last checked or saved).</summary>
    public int ScheduleUnscheduledHealthChecks(Func<long, DateTimeOffset, DateTimeOffset> nextDue)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var rows = connection.Query<(long Id, string From)>(
            "SELECT id, COALESCE(health_checked_at, created_at) FROM links WHERE health_due_at IS NULL", transaction: transaction).ToList();
        foreach (var (id, from) in rows)
        {
            connection.Execute("UPDATE links SET health_due_at = @due WHERE id = @id",
                new { due = StorageText.Time(nextDue(id, StorageText.ParseTime(from))), id }, transaction);
        }

        transaction.Commit();
        return rows.Count;
    }

    /// <summary>After the clock jumped backwards: no check stays scheduled later than <paramref name="latest"/>.</summary>
    public int PullInHealthChecks(DateTimeOffset latest)
    {
        using var connection = database.Open();
        return connection.Execute("UPDATE links SET health_due_at = @latest WHERE health_due_at > @latest", new { latest = StorageText.Time(latest) });
    }

    /// <summary>Records a check (applying <see cref="HealthRule"/> to the link's history) and, when given, the next scheduled one.</summary>
    public HealthCheck? RecordHealth(long linkId, HealthProbe probe, HealthOptions options, DateTimeOffset? nextDue = null)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (!LinkRows.Exists(connection, transaction, linkId))
        {
            return null; // deleted while it was being checked
        }

        var history = ReadHealthHistory(connection, transaction, linkId, options.FailuresBeforeGone + 50);
        var check = HealthRule.Decide(linkId, probe, history, time.GetUtcNow(), options);
        var row = new
        {
            linkId,
            at = StorageText.Time(check.CheckedAt),
            state = HealthStates.Text(check.State),
            status = check.HttpStatus,
            reason = check.Reason,
            movedTo = check.MovedTo,
            failure = check.Failure ? 1 : 0,
            due = nextDue is { } d ? StorageText.Time(d) : null,
        };
        var id = connection.ExecuteScalar<long>(
            "INSERT INTO link_health (link_id, checked_at, state, http_status, reason, moved_to, failure) " +
            "VALUES (@linkId, @at, @state, @status, @reason, @movedTo, @failure) RETURNING id", row, transaction);
        connection.Execute(
            "UPDATE links SET health = @state, health_reason = @reason, health_checked_at = @at, health_moved_to = @movedTo, " +
            "health_due_at = COALESCE(@due, health_due_at) WHERE id = @linkId", row, transaction);
        transaction.Commit();
        return check with { Id = id };
    }

    /// <summary>A link's checks, newest first.</summary>
    public IReadOnlyList<HealthCheck> HealthHistory(long linkId, int limit = 100)
    {
        using var connection = database.Open();
        return ReadHealthHistory(connection, null, linkId, limit);
    }

    private static List<HealthCheck> ReadHealthHistory(System.Data.IDbConnection connection, System.Data.IDbTransaction? transaction, long linkId, int limit) =>
        connection.Query<(long Id, string CheckedAt, string State, long? HttpStatus, string Reason, string? MovedTo, long Failure)>(
                "SELECT id, checked_at, state, http_status, reason, moved_to, failure FROM link_health WHERE link_id = @linkId ORDER BY id DESC LIMIT @limit",
                new { linkId, limit }, transaction)
            .Select(r => new HealthCheck
            {
                Id = r.Id,
                LinkId = linkId,
                CheckedAt = StorageText.ParseTime(r.CheckedAt),
                State = HealthStates.Parse(r.State),
                HttpStatus = (int?)r.HttpStatus,
                Reason = r.Reason,
                MovedTo = r.MovedTo,
                Failure = r.Failure != 0,
            })
            .ToList();
}
