using System.Data;
using System.Text.Json;
using Dapper;
using LinkSnap.Core.Search;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Urls;

namespace LinkSnap.Core.Snapshots;

/// <summary>
/// Rebuilds the database from the files (`linksnap reindex`): finished snapshots come from each folder's
/// snapshot.json, links (title, note, tags, states, saved date) from links.jsonl (<see cref="LinkJournal"/>)
/// or, for a link it does not know or knew before the version was written, from the newest snapshot.json.
/// Links without any version (bookmarks only) come from links.jsonl alone. Jobs still queued or running
/// have no folder yet and are kept as they are; so is a link neither the folders nor links.jsonl know.
/// Health history comes back from health.jsonl (<see cref="Health.HealthJournal"/>) for links the database has none for.
/// </summary>
public sealed class Reindexer(LinkSnapDatabase database, SnapshotFolders folders, LinkJournal journal, TimeProvider time, Health.HealthJournal? health = null)
{
    /// <summary>Edits of links wait while it runs (<see cref="LinkJournal.Serialized{T}"/>), so none falls between reading links.jsonl and rewriting it.</summary>
    public ReindexResult Rebuild() => journal.Serialized(RebuildNow);

    private ReindexResult RebuildNow()
    {
        var skipped = new List<string>();
        var documents = new List<(string Folder, SnapshotDocument Document)>();
        foreach (var folder in folders.EnumerateFolders())
        {
            try
            {
                var document = SnapshotFolders.ReadDocument(folder);
                if (Problem(document) is { } problem)
                {
                    skipped.Add($"{folder}: {problem}");
                }
                else
                {
                    documents.Add((folder, document!));
                }
            }
            catch (Exception e) when (e is JsonException or IOException or NotSupportedException or UnauthorizedAccessException)
            {
                skipped.Add($"{folder}: snapshot.json cannot be read ({e.Message})");
            }
        }

        var journalled = journal.ReadLatest(skipped);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        skipped.AddRange(DeletedFolders(connection, transaction));
        connection.Execute(
            """
            DELETE FROM search;
            DELETE FROM snapshots WHERE status NOT IN ('queued', 'running');
            """,
            transaction: transaction);

        var groups = documents.GroupBy(d => UrlNormalizer.Normalize(new Uri(d.Document.Link.Url))).ToList();
        foreach (var group in groups)
        {
            RestoreLink(connection, transaction, group.Key, [.. group.OrderBy(d => d.Document.Id)], journalled.GetValueOrDefault(group.Key));
        }

        var restored = groups.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (normalized, entry) in journalled.Where(j => !j.Value.Deleted && !restored.Contains(j.Key)))
        {
            RestoreBookmark(connection, transaction, normalized, entry);
            restored.Add(normalized);
        }

        // Links the files do not know (queued jobs only, or no version and no line in links.jsonl) stay as
        // the database has them: nothing is lost. They still need a search row.
        foreach (var (linkId, normalized) in connection.Query<(long, string)>("SELECT id, normalized_url FROM links", transaction: transaction).ToList())
        {
            if (!restored.Contains(normalized))
            {
                SearchIndex.Update(connection, transaction, linkId);
            }
        }

        health?.Restore(connection, transaction, skipped);
        LibrarySettingsFile.Restore(database, connection, transaction, skipped);
        connection.Execute("DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM link_tags lt WHERE lt.tag_id = tags.id)", transaction: transaction);
        var links = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM links", transaction: transaction);
        var snapshots = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM snapshots", transaction: transaction);
        transaction.Commit();
        journal.Compact(journalled.Values);
        LibrarySettingsFile.Save(database);
        return new ReindexResult((int)links, (int)snapshots, skipped);
    }

    /// <summary>Snapshots the index knows whose folder was deleted by hand: reindex cannot bring them back, so it says which.</summary>
    private IEnumerable<string> DeletedFolders(IDbConnection connection, IDbTransaction transaction)
    {
        var recorded = connection.Query<(long Id, string Folder)>(
            "SELECT id, folder FROM snapshots WHERE folder IS NOT NULL AND status NOT IN ('queued', 'running') ORDER BY id", transaction: transaction);
        foreach (var (id, folder) in recorded)
        {
            string path;
            try
            {
                path = folders.Resolve(folder);
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (!Directory.Exists(path))
            {
                yield return $"{path}: snapshot {id} is no longer on disk (folder deleted); it is dropped from the index";
            }
        }
    }

    /// <summary>Why a parsed snapshot.json cannot be restored (edited or damaged by hand), or null when it can.</summary>
    private static string? Problem(SnapshotDocument? document) => document switch
    {
        null => "snapshot.json is missing or empty",
        { Link: null } => "snapshot.json has no link",
        { Link.Url: null } => "snapshot.json has no link URL",
        _ when !Uri.TryCreate(document.Link.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") =>
            $"snapshot.json has an invalid link URL \"{document.Link.Url}\"",
        { Link.Tags: null } or { Artifacts: null } => "snapshot.json has null where a list belongs",
        _ => null,
    };

    private void RestoreLink(IDbConnection connection, IDbTransaction transaction, string normalized, List<(string Folder, SnapshotDocument Document)> versions, LinkJournalEntry? entry)
    {
        var newest = versions[^1].Document;
        // links.jsonl is appended on every edit; a version written after its last line knows better.
        var newer = entry is { Deleted: false, Link: not null } && entry.At >= (newest.FinishedAt ?? newest.CreatedAt);
        var info = newer ? entry!.Link! : newest.Link;
        var url = new Uri(info.Url);
        // Without a title set by a person, the link is named by its latest successful capture, as CompleteSnapshot does.
        var captured = versions.LastOrDefault(v => v.Document.Status != SnapshotStatus.Failed && v.Document.Metadata?.IsChallengeOrError != true && !string.IsNullOrWhiteSpace(v.Document.Metadata?.Title));
        var title = info.TitleIsCustom || captured.Document is null ? info.Title : LinkTitle.FromPage(captured.Document.Metadata!.Title);
        var createdAt = versions.Select(v => v.Document.Link.CreatedAt ?? v.Document.CreatedAt).Append(info.CreatedAt ?? DateTimeOffset.MaxValue).Min();
        var linkId = SaveLink(connection, transaction, normalized, newer ? entry!.Id : newest.LinkId, info, title, createdAt);

        string? body = null;
        foreach (var (folder, document) in versions)
        {
            InsertSnapshot(connection, transaction, linkId, folder, document);
            var text = Path.Combine(folder, SnapshotFolders.SearchTextFileName);
            if (document.Status is SnapshotStatus.Done or SnapshotStatus.Partial && File.Exists(text))
            {
                body = File.ReadAllText(text);
            }
        }

        connection.Execute("UPDATE links SET latest_snapshot_id = (SELECT MAX(id) FROM snapshots WHERE link_id = @linkId) WHERE id = @linkId", new { linkId }, transaction);
        SearchIndex.Update(connection, transaction, linkId, body);
    }

    /// <summary>A link with no version left on disk: links.jsonl alone knows it.</summary>
    private void RestoreBookmark(IDbConnection connection, IDbTransaction transaction, string normalized, LinkJournalEntry entry)
    {
        var info = entry.Link!;
        var linkId = SaveLink(connection, transaction, normalized, entry.Id, info, info.Title, info.CreatedAt ?? entry.At);
        SearchIndex.Update(connection, transaction, linkId);
    }

    /// <summary>Inserts the link (keeping its id when free) or finds it, and sets its fields and tags from <paramref name="info"/>.</summary>
    private long SaveLink(IDbConnection connection, IDbTransaction transaction, string normalized, long id, SnapshotLinkInfo info, string title, DateTimeOffset createdAt)
    {
        var linkId = connection.QuerySingleOrDefault<long?>("SELECT id FROM links WHERE normalized_url = @normalized", new { normalized }, transaction);
        var idTaken = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM links WHERE id = @id", new { id }, transaction) > 0;
        linkId ??= connection.ExecuteScalar<long>(
            "INSERT INTO links (id, url, normalized_url, site, created_at, updated_at) VALUES (@id, @url, @normalized, @site, @created, @created) RETURNING id",
            new { id = idTaken ? (long?)null : id, url = info.Url, normalized, site = UrlNormalizer.Site(new Uri(info.Url)), created = StorageText.Time(createdAt) },
            transaction);
        var states = info.States ?? new LinkStates();
        connection.Execute(
            """
            UPDATE links SET title = @title, title_is_custom = @custom, note = @note, created_at = @created, updated_at = @now,
                is_read = @read, is_favorite = @favorite, is_archived = @archived, is_private = @private,
                reading_progress = COALESCE(reading_progress, @progress)
            WHERE id = @linkId
            """,
            new
            {
                title,
                custom = info.TitleIsCustom ? 1 : 0,
                note = info.Note,
                created = StorageText.Time(createdAt),
                now = StorageText.Time(time.GetUtcNow()),
                read = states.Read,
                favorite = states.Favorite,
                archived = states.Archived,
                @private = states.Private,
                // The database is saved first and the files after a pause (decision 077): a value it has is the newer one.
                // A value out of 0..1 (a file edited by hand) is dropped rather than failing the table's CHECK and the whole rebuild.
                progress = info.ReadingProgress is >= 0 and <= 1 ? info.ReadingProgress : null,
                linkId,
            },
            transaction);

        connection.Execute("DELETE FROM link_tags WHERE link_id = @linkId", new { linkId }, transaction);
        foreach (var tag in TagName.NormalizeAll(info.Tags))
        {
            var key = TagName.Key(tag);
            connection.Execute("INSERT OR IGNORE INTO tags (name, key) VALUES (@tag, @key)", new { tag, key }, transaction);
            connection.Execute("INSERT OR IGNORE INTO link_tags (link_id, tag_id) SELECT @linkId, id FROM tags WHERE key = @key", new { linkId, key }, transaction);
        }

        return linkId.Value;
    }

    private void InsertSnapshot(IDbConnection connection, IDbTransaction transaction, long linkId, string folder, SnapshotDocument document)
    {
        var finished = document.Status is SnapshotStatus.Done or SnapshotStatus.Partial or SnapshotStatus.Failed;
        var idTaken = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM snapshots WHERE id = @id", new { id = document.Id }, transaction) > 0;
        connection.Execute(
            """
            INSERT INTO snapshots (id, link_id, status, reason, mode, attempts, created_at, started_at, finished_at, folder, title, has_thumbnail, metadata_json, artifacts_json, timings_json, job_class, gone, imported_from, imported_hash)
            VALUES (@id, @linkId, @status, @reason, @mode, @attempts, @created, @started, @finished, @folder, @title, @thumbnail, @metadata, @artifacts, @timings, @jobClass, @gone, @importedFrom, @importedHash)
            """,
            new
            {
                id = idTaken ? (long?)null : document.Id,
                linkId,
                status = StorageText.Status(finished ? document.Status : SnapshotStatus.Failed),
                reason = finished ? document.Reason : "the capture did not finish",
                mode = StorageText.Mode(document.Mode),
                attempts = document.Attempts,
                created = StorageText.Time(document.CreatedAt),
                started = document.StartedAt is { } s ? StorageText.Time(s) : null,
                finished = StorageText.Time(document.FinishedAt ?? document.CreatedAt),
                folder = folders.ToRelative(folder),
                title = document.Metadata?.Title,
                thumbnail = document.Artifacts.Any(a => a.Kind == Capture.ArtifactKinds.Thumbnail && a.Status == Capture.ArtifactStatus.Ok) ? 1 : 0,
                metadata = document.Metadata is null ? null : JsonSerializer.Serialize(document.Metadata, SnapshotJson.Options),
                artifacts = JsonSerializer.Serialize(document.Artifacts, SnapshotJson.Options),
                timings = JsonSerializer.Serialize(document.TimingsMs, SnapshotJson.Options),
                jobClass = document.JobClass,
                gone = document.Gone ? 1 : 0,
                importedFrom = document.ImportedFrom,
                importedHash = document.ImportedHash,
            },
            transaction);
    }
}
