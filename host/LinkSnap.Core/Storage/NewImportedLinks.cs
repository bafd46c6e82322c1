using LinkSnap.Core.Capture;
using LinkSnap.Core.Import;
using LinkSnap.Core.Search;
using Microsoft.Data.Sqlite;

namespace LinkSnap.Core.Storage;

/// <summary>
/// Writes the links an import batch creates with statements prepared once per batch. Through Dapper each link
/// cost about fifteen statements parsed and prepared anew (1 ms of CPU per link, 10 s for 10,000 bookmarks);
/// here each statement is prepared once and only its values change, and a tag's id is looked up once a batch.
/// Same rows as <see cref="LinkStore.AddCapture"/> and the store's tag rule: a new link, its tags, its search
/// row and (when captures are queued) its import capture job.
/// </summary>
internal sealed class NewImportedLinks : IDisposable
{
    private readonly Dictionary<string, long> _tagIds = new(StringComparer.Ordinal);
    private readonly SqliteCommand _findLink;
    private readonly SqliteCommand _insertLink;
    private readonly SqliteCommand _insertSnapshot;
    private readonly SqliteCommand _pointLinkAtSnapshot;
    private readonly SqliteCommand _insertTag;
    private readonly SqliteCommand _findTag;
    private readonly SqliteCommand _tagLink;
    private readonly SqliteCommand _insertSearch;

    public NewImportedLinks(SqliteConnection connection, SqliteTransaction transaction)
    {
        SqliteCommand Prepare(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, null));
            }

            command.Prepare();
            return command;
        }

        _findLink = Prepare("SELECT id, note FROM links WHERE normalized_url = $normalized", "$normalized");
        _insertLink = Prepare(
            """
            INSERT INTO links (url, normalized_url, site, title, note, created_at, updated_at, is_read, is_favorite, is_archived, is_private)
            VALUES ($url, $normalized, $site, $title, $note, $saved, $now, $read, $favorite, $archived, $private) RETURNING id
            """,
            "$url", "$normalized", "$site", "$title", "$note", "$saved", "$now", "$read", "$favorite", "$archived", "$private");
        _insertSnapshot = Prepare(
            "INSERT INTO snapshots (link_id, status, mode, created_at, job_class, import_id) VALUES ($linkId, 'queued', $mode, $now, $jobClass, $importId) RETURNING id",
            "$linkId", "$mode", "$now", "$jobClass", "$importId");
        _pointLinkAtSnapshot = Prepare("UPDATE links SET latest_snapshot_id = $id WHERE id = $linkId", "$id", "$linkId");
        _insertTag = Prepare("INSERT OR IGNORE INTO tags (name, key) VALUES ($name, $key)", "$name", "$key");
        _findTag = Prepare("SELECT id FROM tags WHERE key = $key", "$key");
        _tagLink = Prepare("INSERT OR IGNORE INTO link_tags (link_id, tag_id) VALUES ($linkId, $tagId)", "$linkId", "$tagId");
        _insertSearch = Prepare(
            "INSERT INTO search (rowid, title, url, tags, note, body) VALUES ($linkId, $title, $url, $tags, $note, NULL)",
            "$linkId", "$title", "$url", "$tags", "$note");
    }

    /// <summary>The id and note of the library's link with this normalized URL; null when there is none.</summary>
    public (long Id, string Note)? Find(string normalizedUrl)
    {
        _findLink.Parameters[0].Value = normalizedUrl;
        using var reader = _findLink.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    public long Add(PlannedLink link, string saved, string now, long? captureForImport)
    {
        if (link.Tags.Count > TagName.MaxPerLink)
        {
            throw new ArgumentException($"{link.Tags.Count} tags given; a link can carry at most {TagName.MaxPerLink}.");
        }

        var url = link.Url.OriginalString.Trim();
        var title = LinkTitle.FromPage(link.Title);
        var linkId = Scalar(_insertLink, url, link.NormalizedUrl, Urls.UrlNormalizer.Site(link.Url), title, link.Note, saved, now,
            link.Read ? 1 : 0, link.Favorite ? 1 : 0, link.Archived ? 1 : 0, link.Private ? 1 : 0);
        if (captureForImport is { } importId)
        {
            var snapshotId = Scalar(_insertSnapshot, linkId, StorageText.Mode(CaptureMode.Fresh), now, JobClasses.Import, importId);
            Execute(_pointLinkAtSnapshot, snapshotId, linkId);
        }

        foreach (var name in link.Tags)
        {
            Execute(_tagLink, linkId, TagId(name));
        }

        // The link is new, so it has no search row yet: written from what was just stored, not read back
        // (the same fields SearchIndex.Update reads: the stored, capped title).
        Execute(_insertSearch, linkId, SearchText.Segment(title), url, SearchText.Segment(string.Join(' ', link.Tags.Order(StringComparer.Ordinal))), SearchText.Segment(link.Note));
        return linkId;
    }

    private long TagId(string name)
    {
        var key = TagName.Key(name);
        if (!_tagIds.TryGetValue(key, out var id))
        {
            Execute(_insertTag, name, key);
            _tagIds[key] = id = Scalar(_findTag, key);
        }

        return id;
    }

    private static long Scalar(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    public void Dispose()
    {
        foreach (var command in new[] { _findLink, _insertLink, _insertSnapshot, _pointLinkAtSnapshot, _insertTag, _findTag, _tagLink, _insertSearch })
        {
            command.Dispose();
        }
    }
}
