using Dapper;
using LinkSnap.Core.Capture;

namespace LinkSnap.Core.Storage;

/// <summary>Versions of links (snapshot rows): read them, queue a new one, add an imported one, delete one.</summary>
public sealed class SnapshotStore(LinkSnapDatabase database, TimeProvider time)
{
    private const string SnapshotFrom = LinkRows.SnapshotFrom;

    private string Now() => StorageText.Time(time.GetUtcNow());

    public SnapshotRecord? GetSnapshot(long id)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<SnapshotRow>($"SELECT {SnapshotRow.Columns} {SnapshotFrom} WHERE s.id = @id", new { id })?.ToRecord();
    }

    /// <summary>Every snapshot of a link, newest first.</summary>
    public IReadOnlyList<SnapshotRecord> ListSnapshots(long linkId)
    {
        using var connection = database.Open();
        return connection.Query<SnapshotRow>($"SELECT {SnapshotRow.Columns} {SnapshotFrom} WHERE s.link_id = @linkId ORDER BY s.id DESC", new { linkId })
            .Select(r => r.ToRecord())
            .ToList();
    }

    /// <summary>Queues a new version of an existing link; null when the link does not exist.</summary>
    public long? AddSnapshot(long linkId, CaptureMode mode, string? inputPath = null, string jobClass = JobClasses.User)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (!LinkRows.Exists(connection, transaction, linkId))
        {
            return null;
        }

        var id = JobQueue.Enqueue(connection, transaction, linkId, mode, inputPath, Now(), jobClass);
        transaction.Commit();
        return id;
    }

    /// <summary>Reason an imported version keeps when its files were never completed (the import stopped mid-way).</summary>
    public const string ImportedUnfinished = "the import of this version did not finish";

    /// <summary>
    /// Adds an imported version (<see cref="CaptureMode.Imported"/>) to a link. It is born failed with a reason
    /// and completed once its files are in place, so it is never a job and a crash leaves a recorded state.
    /// Null when the link does not exist.
    /// </summary>
    /// <param name="contentHash">The hash of the content the version is made from (<see cref="FindImportedContent"/>), when it has one.</param>
    public long? AddImportedSnapshot(long linkId, string importedFrom, DateTimeOffset? savedAt, string? contentHash = null)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (!LinkRows.Exists(connection, transaction, linkId))
        {
            return null;
        }

        var now = Now();
        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO snapshots (link_id, status, reason, mode, created_at, finished_at, job_class, imported_from, imported_hash)
            VALUES (@linkId, 'failed', @reason, 'imported', @created, @now, @jobClass, @importedFrom, @contentHash) RETURNING id
            """,
            new { linkId, reason = ImportedUnfinished, created = savedAt is { } at ? StorageText.Time(at) : now, now, jobClass = JobClasses.Import, importedFrom, contentHash },
            transaction);
        connection.Execute("UPDATE links SET latest_snapshot_id = (SELECT MAX(id) FROM snapshots WHERE link_id = @linkId) WHERE id = @linkId", new { linkId }, transaction);
        transaction.Commit();
        return id;
    }

    /// <summary>The link's finished imported version made from content with this hash, if any.</summary>
    public long? FindImportedContent(long linkId, string contentHash)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long?>(
            "SELECT id FROM snapshots WHERE link_id = @linkId AND imported_hash = @contentHash AND status IN ('done', 'partial') ORDER BY id LIMIT 1",
            new { linkId, contentHash });
    }

    /// <summary>Deletes one snapshot; returns its folder and input file (to remove from disk), or null when unknown.</summary>
    public IReadOnlyList<string>? DeleteSnapshot(long id)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var row = connection.QuerySingleOrDefault<(long LinkId, string? Folder, string? Input)>(
            "SELECT link_id, folder, input_path FROM snapshots WHERE id = @id", new { id }, transaction);
        if (row.LinkId == 0)
        {
            return null;
        }

        connection.Execute("DELETE FROM snapshots WHERE id = @id", new { id }, transaction);
        connection.Execute(
            "UPDATE links SET latest_snapshot_id = (SELECT MAX(id) FROM snapshots WHERE link_id = @linkId) WHERE id = @linkId",
            new { linkId = row.LinkId },
            transaction);
        LinkRows.Touch(connection, transaction, row.LinkId, Now());
        transaction.Commit();
        return new[] { row.Folder, row.Input }.OfType<string>().ToList();
    }

    /// <summary>
    /// Where the library stands on the imported version of one URL from <paramref name="importedFrom"/>: the link's
    /// id (null when the library has no such link), whether a finished version exists, and else the id of one left
    /// unfinished (<see cref="ImportedUnfinished"/>), if any. An import uses it to re-do the articles a crash lost.
    /// </summary>
    public (long? LinkId, bool Finished, long? Unfinished) FindImportedVersion(string normalizedUrl, string importedFrom)
    {
        using var connection = database.Open();
        var linkId = connection.ExecuteScalar<long?>("SELECT id FROM links WHERE normalized_url = @normalizedUrl", new { normalizedUrl });
        if (linkId is null)
        {
            return (null, false, null);
        }

        var versions = connection.Query<(long Id, string Status, string? Reason)>(
            "SELECT id, status, reason FROM snapshots WHERE link_id = @linkId AND mode = 'imported' AND imported_from = @importedFrom",
            new { linkId, importedFrom }).ToList();
        var finished = versions.Any(v => v.Status is "done" or "partial");
        return (linkId, finished, finished ? null : versions.Where(v => v.Status == "failed" && v.Reason == ImportedUnfinished).Select(v => (long?)v.Id).FirstOrDefault());
    }
}
