using System.Data;
using Dapper;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Search;
using LinkSnap.Core.Urls;
using Microsoft.Data.Sqlite;

namespace LinkSnap.Core.Storage;

/// <summary>
/// The store: links, tags and snapshots in SQLite, with the search index kept in the same
/// transactions. Split by concern into partial files (links here; Tags, Snapshots, Query).
/// Methods are synchronous: Microsoft.Data.Sqlite does its I/O synchronously anyway.
/// </summary>
public sealed partial class LinkStore(LinkSnapDatabase database, TimeProvider time)
{
    private const string LinkColumns =
        "l.id, l.url, l.normalized_url, l.site, l.title, l.title_is_custom, l.note, l.created_at, l.updated_at, l.latest_snapshot_id, " +
        "l.is_read, l.is_favorite, l.is_archived, l.is_private, l.changed_at, " +
        "l.health, l.health_reason, l.health_checked_at, l.health_moved_to, l.author, l.published, " +
        "(SELECT COUNT(*) FROM snapshots c WHERE c.link_id = l.id) AS snapshot_count";

    public LinkSnapDatabase Database => database;

    private string Now() => StorageText.Time(time.GetUtcNow());

    /// <summary>Files a capture request: finds or creates the link, adds tags/note, queues a new snapshot.</summary>
    public CaptureTicket AddCapture(Uri url, IEnumerable<string>? tags, string? note, CaptureMode mode, string? inputPath = null, string jobClass = JobClasses.User)
    {
        var normalized = UrlNormalizer.Normalize(url);
        var tagNames = TagName.NormalizeAll(tags);
        var now = Now();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var linkId = connection.QuerySingleOrDefault<long?>(
            "SELECT id FROM links WHERE normalized_url = @normalized", new { normalized }, transaction);
        var created = linkId is null;
        linkId ??= connection.ExecuteScalar<long>(
            "INSERT INTO links (url, normalized_url, site, created_at, updated_at) VALUES (@url, @normalized, @site, @now, @now) RETURNING id",
            new { url = url.OriginalString.Trim(), normalized, site = UrlNormalizer.Site(url), now },
            transaction);

        if (!string.IsNullOrWhiteSpace(note))
        {
            connection.Execute("UPDATE links SET note = @note WHERE id = @linkId", new { note = note.Trim(), linkId }, transaction);
        }

        AddTagsCore(connection, transaction, linkId.Value, tagNames);
        var snapshotId = InsertSnapshot(connection, transaction, linkId.Value, mode, inputPath, now, jobClass);
        SearchIndex.Update(connection, transaction, linkId.Value);
        transaction.Commit();
        return new CaptureTicket(linkId.Value, snapshotId, created);
    }

    public LinkRecord? GetLink(long id)
    {
        using var connection = database.Open();
        var row = connection.QuerySingleOrDefault<LinkRow>($"SELECT {LinkColumns} FROM links l WHERE l.id = @id", new { id });
        return row is null ? null : Hydrate(connection, [row])[0];
    }

    /// <summary>The links with these ids that exist (in batches: one query per few hundred links).</summary>
    public IReadOnlyList<LinkRecord> GetLinks(IEnumerable<long> ids)
    {
        using var connection = database.Open();
        return ids.Chunk(500)
            .SelectMany(chunk => connection.Query<LinkRow>($"SELECT {LinkColumns} FROM links l WHERE l.id IN @chunk", new { chunk }).ToList() is { Count: > 0 } rows ? Hydrate(connection, rows) : [])
            .ToList();
    }

    /// <summary>Every link id, oldest first.</summary>
    public IReadOnlyList<long> ListLinkIds()
    {
        using var connection = database.Open();
        return connection.Query<long>("SELECT id FROM links ORDER BY id").ToList();
    }

    public LinkRecord? FindLinkByUrl(Uri url)
    {
        using var connection = database.Open();
        var row = connection.QuerySingleOrDefault<LinkRow>(
            $"SELECT {LinkColumns} FROM links l WHERE l.normalized_url = @normalized", new { normalized = UrlNormalizer.Normalize(url) });
        return row is null ? null : Hydrate(connection, [row])[0];
    }

    /// <summary>Edits a link. Null leaves a field (or a state) as it is; <paramref name="tags"/> replaces all tags.</summary>
    public LinkRecord? UpdateLink(long id, string? title, string? note, IEnumerable<string>? tags, LinkStatesEdit? states = null)
    {
        var tagNames = tags is null ? null : TagName.NormalizeAll(tags);
        using (var connection = database.Open())
        using (var transaction = connection.BeginTransaction())
        {
            if (!LinkExists(connection, transaction, id))
            {
                return null;
            }

            if (title is not null)
            {
                connection.Execute(
                    "UPDATE links SET title = @title, title_is_custom = @custom WHERE id = @id",
                    new { title = LinkTitle.Edited(title), custom = title.Trim().Length > 0 ? 1 : 0, id },
                    transaction);
            }

            if (note is not null)
            {
                connection.Execute("UPDATE links SET note = @note WHERE id = @id", new { note = note.Trim(), id }, transaction);
            }

            if (tagNames is not null)
            {
                connection.Execute("DELETE FROM link_tags WHERE link_id = @id", new { id }, transaction);
                AddTagsCore(connection, transaction, id, tagNames);
                DeleteOrphanTags(connection, transaction);
            }

            if (states is { IsEmpty: false })
            {
                SetStatesCore(connection, transaction, id, states);
            }

            Touch(connection, transaction, id);
            SearchIndex.Update(connection, transaction, id);
            transaction.Commit();
        }

        return GetLink(id);
    }

    /// <summary>Sets states on many links (bulk); returns the ids that exist.</summary>
    public IReadOnlyList<long> SetStates(IEnumerable<long> ids, LinkStatesEdit states)
    {
        if (states.IsEmpty)
        {
            throw new ArgumentException("Say which state to set: read, favorite, archived or private.");
        }

        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var changed = ids.Distinct().Where(id => LinkExists(connection, transaction, id)).ToList();
        foreach (var id in changed)
        {
            SetStatesCore(connection, transaction, id, states);
            Touch(connection, transaction, id);
        }

        transaction.Commit();
        return changed;
    }

    private static void SetStatesCore(IDbConnection connection, IDbTransaction transaction, long id, LinkStatesEdit states) =>
        connection.Execute(
            $"UPDATE links SET {string.Join(", ", states.SetClauses())} WHERE id = @id",
            new { id, states.Read, states.Favorite, states.Archived, states.Private },
            transaction);

    /// <summary>Deletes a link with its snapshots; returns the snapshot folders and input files to remove from disk.</summary>
    public IReadOnlyList<string>? DeleteLink(long id)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (!LinkExists(connection, transaction, id))
        {
            return null;
        }

        var files = connection.Query<(string? Folder, string? Input)>(
                "SELECT folder, input_path FROM snapshots WHERE link_id = @id", new { id }, transaction)
            .SelectMany(f => new[] { f.Folder, f.Input })
            .OfType<string>()
            .ToList();
        connection.Execute("DELETE FROM links WHERE id = @id", new { id }, transaction);
        SearchIndex.Delete(connection, transaction, id);
        DeleteOrphanTags(connection, transaction);
        transaction.Commit();
        return files;
    }

    private static bool LinkExists(IDbConnection connection, IDbTransaction transaction, long id) =>
        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM links WHERE id = @id", new { id }, transaction) > 0;

    private void Touch(IDbConnection connection, IDbTransaction transaction, long id) =>
        connection.Execute("UPDATE links SET updated_at = @now WHERE id = @id", new { now = Now(), id }, transaction);

    /// <summary>Adds tags, snapshot summaries and counts to link rows (batched: one query each for the whole page).</summary>
    private static List<LinkRecord> Hydrate(SqliteConnection connection, IReadOnlyList<LinkRow> rows)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var tags = connection.Query<(long LinkId, string Name)>(
                "SELECT lt.link_id, t.name FROM link_tags lt JOIN tags t ON t.id = lt.tag_id WHERE lt.link_id IN @ids ORDER BY t.key",
                new { ids })
            .ToLookup(t => t.LinkId, t => t.Name);
        var latestIds = rows.Select(r => r.LatestSnapshotId).OfType<long>().ToArray();
        var latest = connection.Query<SnapshotRow>(
                $"SELECT {SnapshotRow.Columns} FROM snapshots s JOIN links l ON l.id = s.link_id WHERE s.id IN @latestIds",
                new { latestIds })
            .ToDictionary(s => s.Id, s => s.ToRecord());
        return rows
            .Select(r => r.ToRecord(
                [.. tags[r.Id]],
                r.LatestSnapshotId is { } latestId && latest.TryGetValue(latestId, out var snapshot) ? snapshot : null))
            .ToList();
    }
}
