using System.Data;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace LinkSnap.Core.Storage;

/// <summary>The links-table reads and writes every store shares: which columns make a <see cref="LinkRecord"/>, existence, touch.</summary>
internal static class LinkRows
{
    public const string Columns =
        "l.id, l.url, l.normalized_url, l.site, l.title, l.title_is_custom, l.note, l.created_at, l.updated_at, l.latest_snapshot_id, " +
        "l.is_read, l.is_favorite, l.is_archived, l.is_private, l.changed_at, " +
        "l.health, l.health_reason, l.health_checked_at, l.health_moved_to, l.author, l.published, l.reading_progress, " +
        "(SELECT COUNT(*) FROM snapshots c WHERE c.link_id = l.id) AS snapshot_count";

    /// <summary>Snapshot rows with their link (the site and URL a <see cref="SnapshotRecord"/> carries).</summary>
    public const string SnapshotFrom = "FROM snapshots s JOIN links l ON l.id = s.link_id";

    public static bool Exists(IDbConnection connection, IDbTransaction transaction, long id) =>
        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM links WHERE id = @id", new { id }, transaction) > 0;

    public static void Touch(IDbConnection connection, IDbTransaction transaction, long id, string now) =>
        connection.Execute("UPDATE links SET updated_at = @now WHERE id = @id", new { now, id }, transaction);

    /// <summary>Adds tags, snapshot summaries and counts to link rows (batched: one query each for the whole page).</summary>
    public static List<LinkRecord> Hydrate(SqliteConnection connection, IReadOnlyList<LinkRow> rows)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var tags = connection.Query<(long LinkId, string Name)>(
                "SELECT lt.link_id, t.name FROM link_tags lt JOIN tags t ON t.id = lt.tag_id WHERE lt.link_id IN (SELECT value FROM json_each(@ids)) ORDER BY t.key",
                new { ids = JsonSerializer.Serialize(ids) })
            .ToLookup(t => t.LinkId, t => t.Name);
        var latestIds = rows.Select(r => r.LatestSnapshotId).OfType<long>().ToArray();
        var latest = connection.Query<SnapshotRow>(
                $"SELECT {SnapshotRow.Columns} {SnapshotFrom} WHERE s.id IN (SELECT value FROM json_each(@latestIds))",
                new { latestIds = JsonSerializer.Serialize(latestIds) })
            .ToDictionary(s => s.Id, s => s.ToRecord());
        return rows
            .Select(r => r.ToRecord(
                [.. tags[r.Id]],
                r.LatestSnapshotId is { } latestId && latest.TryGetValue(latestId, out var snapshot) ? snapshot : null))
            .ToList();
    }
}
