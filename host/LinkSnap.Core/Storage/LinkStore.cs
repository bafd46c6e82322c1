using System.Data;
using System.Text.Json;
using Dapper;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Search;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Urls;

namespace LinkSnap.Core.Storage;

/// <summary>
/// The library in SQLite, with the search index kept in the same transactions. This type writes and
/// reads links; each other concern has its own store, reached from here so that one object opens the
/// library: <see cref="Snapshots"/> (versions), <see cref="Jobs"/> (the capture queue), <see cref="Tags"/>,
/// <see cref="Listing"/> (listing and search), <see cref="Health"/> (link checks) and <see cref="Imports"/>.
/// Methods are synchronous: Microsoft.Data.Sqlite does its I/O synchronously anyway.
/// </summary>
public sealed class LinkStore(LinkSnapDatabase database, TimeProvider time)
{
    public LinkSnapDatabase Database => database;

    /// <summary>Versions of links: reading, queuing a new one, imported ones, deleting one.</summary>
    public SnapshotStore Snapshots { get; } = new(database, time);

    /// <summary>The persisted capture queue (snapshot rows that are jobs): claim, stage, retry, complete, recover.</summary>
    public JobQueue Jobs { get; } = new(database, time);

    public TagStore Tags { get; } = new(database, time);

    /// <summary>The default tags captures can ask for (issue 17 item 5).</summary>
    public DefaultTagStore DefaultTags { get; } = new(database);

    /// <summary>Listing, filters and full-text search (set its limits with init when a test needs small ones).</summary>
    public LinkListing Listing { get; init; } = new(database);

    public HealthStore Health { get; } = new(database, time);

    public ImportStore Imports { get; } = new(database, time);

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

        TagRows.Add(connection, transaction, linkId.Value, tagNames);
        var snapshotId = JobQueue.Enqueue(connection, transaction, linkId.Value, mode, inputPath, now, jobClass);
        SearchIndex.Update(connection, transaction, linkId.Value);
        transaction.Commit();
        return new CaptureTicket(linkId.Value, snapshotId, created);
    }

    public LinkRecord? GetLink(long id)
    {
        using var connection = database.Open();
        var row = connection.QuerySingleOrDefault<LinkRow>($"SELECT {LinkRows.Columns} FROM links l WHERE l.id = @id", new { id });
        return row is null ? null : LinkRows.Hydrate(connection, [row])[0];
    }

    /// <summary>The links with these ids that exist (in batches: one query per few hundred links).</summary>
    public IReadOnlyList<LinkRecord> GetLinks(IEnumerable<long> ids)
    {
        using var connection = database.Open();
        return ids.Chunk(500)
            .SelectMany(chunk => connection.Query<LinkRow>($"SELECT {LinkRows.Columns} FROM links l WHERE l.id IN (SELECT value FROM json_each(@chunk))", new { chunk = JsonSerializer.Serialize(chunk) }).ToList() is { Count: > 0 } rows ? LinkRows.Hydrate(connection, rows) : [])
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
            $"SELECT {LinkRows.Columns} FROM links l WHERE l.normalized_url = @normalized", new { normalized = UrlNormalizer.Normalize(url) });
        return row is null ? null : LinkRows.Hydrate(connection, [row])[0];
    }

    /// <summary>Edits a link. Null leaves a field (or a state) as it is; <paramref name="tags"/> replaces all tags.</summary>
    public LinkRecord? UpdateLink(long id, string? title, string? note, IEnumerable<string>? tags, LinkStatesEdit? states = null)
    {
        var tagNames = tags is null ? null : TagName.NormalizeAll(tags);
        using (var connection = database.Open())
        using (var transaction = connection.BeginTransaction())
        {
            if (!LinkRows.Exists(connection, transaction, id))
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
                TagRows.Add(connection, transaction, id, tagNames);
                TagRows.DeleteOrphans(connection, transaction);
            }

            if (states is { IsEmpty: false })
            {
                SetStatesCore(connection, transaction, id, states);
            }

            LinkRows.Touch(connection, transaction, id, Now());
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
        var changed = ids.Distinct().Where(id => LinkRows.Exists(connection, transaction, id)).ToList();
        foreach (var id in changed)
        {
            SetStatesCore(connection, transaction, id, states);
            LinkRows.Touch(connection, transaction, id, Now());
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
        if (!LinkRows.Exists(connection, transaction, id))
        {
            return null;
        }

        var files = connection.Query<(string? Folder, string? Input)>(
                "SELECT folder, input_path FROM snapshots WHERE link_id = @id", new { id }, transaction)
            .SelectMany(f => new[] { f.Folder, f.Input })
            .OfType<string>()
            .ToList();
        var watched = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM watches WHERE link_id = @id", new { id }, transaction) > 0;
        connection.Execute("DELETE FROM links WHERE id = @id", new { id }, transaction);
        SearchIndex.Delete(connection, transaction, id);
        TagRows.DeleteOrphans(connection, transaction);
        transaction.Commit();
        if (watched)
        {
            LibrarySettingsFile.Save(database); // its watch went with it
        }

        return files;
    }

    /// <summary>
    /// The link for an imported page without queuing a capture: found by normalized URL (an empty title
    /// filled, the earlier saved date kept, tags added) or created with the page's title and date.
    /// </summary>
    public (long Id, bool Created) EnsureLink(Uri url, string? title, IEnumerable<string> tags, DateTimeOffset? savedAt)
    {
        var normalized = UrlNormalizer.Normalize(url);
        var now = Now();
        var saved = savedAt is { } at ? StorageText.Time(at) : now;
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var id = connection.QuerySingleOrDefault<long?>("SELECT id FROM links WHERE normalized_url = @normalized", new { normalized }, transaction);
        var created = id is null;
        if (id is { } existing)
        {
            connection.Execute(
                "UPDATE links SET title = CASE WHEN title = '' THEN @title ELSE title END, created_at = MIN(created_at, @saved), updated_at = @now WHERE id = @existing",
                new { existing, title = LinkTitle.FromPage(title), saved, now }, transaction);
        }
        else
        {
            id = connection.ExecuteScalar<long>(
                "INSERT INTO links (url, normalized_url, site, title, created_at, updated_at) VALUES (@url, @normalized, @site, @title, @saved, @now) RETURNING id",
                new { url = url.OriginalString.Trim(), normalized, site = UrlNormalizer.Site(url), title = LinkTitle.FromPage(title), saved, now }, transaction);
        }

        TagRows.Add(connection, transaction, id.Value, TagName.NormalizeAll(tags));
        SearchIndex.Update(connection, transaction, id.Value);
        transaction.Commit();
        return (id.Value, created);
    }
}
