using System.Data;
using Dapper;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Watching;

/// <summary>
/// Watches in SQLite (migration 007): which links are re-captured how often, the check in flight,
/// and every finished check. All times come from the injected clock and go through
/// <see cref="ScheduleRule"/>; this class only stores them.
/// </summary>
public sealed partial class WatchStore(LinkSnapDatabase database, TimeProvider time)
{
    public const string LinkSource = "link";

    private const string WatchColumns =
        "w.link_id, l.url, l.title, w.period, w.source, w.next_due_at, w.snapshot_id, w.failures, w.last_checked_at, w.last_outcome, w.last_reason, l.changed_at";

    /// <summary>Watches one link (or, with Off, explicitly not, even when a watched tag covers it). Null when the link does not exist.</summary>
    public WatchRecord? SetLinkWatch(long linkId, SchedulePeriod period)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM links WHERE id = @linkId", new { linkId }, transaction) == 0)
        {
            return null;
        }

        Upsert(connection, transaction, linkId, period, LinkSource);
        transaction.Commit();
        LibrarySettingsFile.Save(database);
        return GetWatch(linkId);
    }

    /// <summary>Watches every link carrying <paramref name="tag"/> (or a child tag), now and later; Off stops it. Returns the links it covers.</summary>
    public int SetTagWatch(string tag, SchedulePeriod period)
    {
        var name = TagName.Normalize(tag);
        var key = TagName.Key(name);
        using (var connection = database.Open())
        {
            using var transaction = connection.BeginTransaction();
            if (period == SchedulePeriod.Off)
            {
                connection.Execute("DELETE FROM tag_watches WHERE tag_key = @key", new { key }, transaction);
                connection.Execute("DELETE FROM watches WHERE source = @key", new { key }, transaction);
            }
            else
            {
                connection.Execute(
                    "INSERT INTO tag_watches (tag_key, tag_name, period) VALUES (@key, @name, @period) ON CONFLICT (tag_key) DO UPDATE SET period = excluded.period",
                    new { key, name, period = period.ToName() },
                    transaction);
                connection.Execute("DELETE FROM watches WHERE source = @key AND period <> @period", new { key, period = period.ToName() }, transaction);
            }

            transaction.Commit();
        }

        SyncTagWatches();
        LibrarySettingsFile.Save(database);
        using var count = database.Open();
        return count.ExecuteScalar<int>("SELECT COUNT(*) FROM watches WHERE source = @key", new { key });
    }

    public IReadOnlyList<(string Tag, SchedulePeriod Period)> ListTagWatches()
    {
        using var connection = database.Open();
        return connection.Query<(string Name, string Period)>("SELECT tag_name, period FROM tag_watches ORDER BY tag_name")
            .Select(r => (r.Name, SchedulePeriods.Parse(r.Period)))
            .ToList();
    }

    /// <summary>
    /// Gives links newly tagged with a watched tag their watch and drops watches of links that lost the
    /// tag. A link with its own row (source 'link', watched or explicitly off) is left alone.
    /// </summary>
    public int SyncTagWatches()
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var changed = connection.Execute(
            """
            DELETE FROM watches WHERE source <> 'link' AND NOT EXISTS (
                SELECT 1 FROM link_tags lt JOIN tags t ON t.id = lt.tag_id
                WHERE lt.link_id = watches.link_id AND (t.key = watches.source OR t.key LIKE watches.source || '/%'))
            """,
            transaction: transaction);
        var missing = connection.Query<(long LinkId, string Key, string Period)>(
            """
            SELECT lt.link_id, tw.tag_key, MIN(tw.period) FROM tag_watches tw
            JOIN tags t ON t.key = tw.tag_key OR t.key LIKE tw.tag_key || '/%'
            JOIN link_tags lt ON lt.tag_id = t.id
            WHERE NOT EXISTS (SELECT 1 FROM watches w WHERE w.link_id = lt.link_id)
            GROUP BY lt.link_id
            """,
            transaction: transaction).ToList();
        foreach (var row in missing)
        {
            Upsert(connection, transaction, row.LinkId, SchedulePeriods.Parse(row.Period), row.Key);
        }

        transaction.Commit();
        if (changed + missing.Count > 0)
        {
            LibrarySettingsFile.TrySave(database);
        }

        return changed + missing.Count;
    }

    public WatchRecord? GetWatch(long linkId)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<WatchRow>($"SELECT {WatchColumns} FROM watches w JOIN links l ON l.id = w.link_id WHERE w.link_id = @linkId", new { linkId })?.ToRecord();
    }

    /// <summary>Watched links (not those switched off), soonest due first.</summary>
    public IReadOnlyList<WatchRecord> ListWatches(int limit)
    {
        using var connection = database.Open();
        return connection.Query<WatchRow>(
                $"SELECT {WatchColumns} FROM watches w JOIN links l ON l.id = w.link_id WHERE w.period <> 'off' ORDER BY w.next_due_at IS NULL, w.next_due_at, w.link_id LIMIT @limit",
                new { limit })
            .Select(r => r.ToRecord())
            .ToList();
    }

    public int CountWatches()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<int>("SELECT COUNT(*) FROM watches WHERE period <> 'off'");
    }

    private void Upsert(IDbConnection connection, IDbTransaction transaction, long linkId, SchedulePeriod period, string source)
    {
        var due = period == SchedulePeriod.Off ? (DateTimeOffset?)null : ScheduleRule.FirstDue(period, WatchRecord.KeyOf(linkId), time.GetUtcNow());
        connection.Execute(
            """
            INSERT INTO watches (link_id, period, source, next_due_at) VALUES (@linkId, @period, @source, @due)
            ON CONFLICT (link_id) DO UPDATE SET period = excluded.period, source = excluded.source, next_due_at = excluded.next_due_at, failures = 0
            """,
            new { linkId, period = period.ToName(), source, due = due is { } d ? StorageText.Time(d) : null },
            transaction);
    }
}
