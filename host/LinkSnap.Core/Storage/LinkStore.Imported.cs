using Dapper;
using LinkSnap.Core.Capture;

namespace LinkSnap.Core.Storage;

public sealed partial class LinkStore
{
    /// <summary>Reason an imported version keeps when its files were never completed (the import stopped mid-way).</summary>
    public const string ImportedUnfinished = "the import of this version did not finish";

    /// <summary>
    /// Adds an imported version (<see cref="CaptureMode.Imported"/>) to a link. It is born failed with a reason
    /// and completed once its files are in place, so it is never a job and a crash leaves a recorded state.
    /// Null when the link does not exist.
    /// </summary>
    public long? AddImportedSnapshot(long linkId, string importedFrom, DateTimeOffset? savedAt)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (!LinkExists(connection, transaction, linkId))
        {
            return null;
        }

        var now = Now();
        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO snapshots (link_id, status, reason, mode, created_at, finished_at, job_class, imported_from)
            VALUES (@linkId, 'failed', @reason, 'imported', @created, @now, @jobClass, @importedFrom) RETURNING id
            """,
            new { linkId, reason = ImportedUnfinished, created = savedAt is { } at ? StorageText.Time(at) : now, now, jobClass = JobClasses.Import, importedFrom },
            transaction);
        connection.Execute("UPDATE links SET latest_snapshot_id = (SELECT MAX(id) FROM snapshots WHERE link_id = @linkId) WHERE id = @linkId", new { linkId }, transaction);
        transaction.Commit();
        return id;
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
