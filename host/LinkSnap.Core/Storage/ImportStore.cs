using System.Data;
using Dapper;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Import;
using LinkSnap.Core.Search;

namespace LinkSnap.Core.Storage;

/// <summary>Imports: links added in batches that merge with the library, and the import's progress.</summary>
public sealed class ImportStore(LinkSnapDatabase database, TimeProvider time)
{
    private const string ImportColumns =
        "id, file_name, format, status, no_capture, plan_path, entry_count, link_count, rejected_count, duplicate_count, applied, created, merged, created_at, finished_at";

    private string Now() => StorageText.Time(time.GetUtcNow());

    public long CreateImport(string fileName, ImportPlan plan, bool noCapture, string planPath)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>(
            """
            INSERT INTO imports (file_name, format, status, no_capture, plan_path, entry_count, link_count, rejected_count, duplicate_count, created_at)
            VALUES (@fileName, @format, 'running', @noCapture, @planPath, @entries, @links, @rejected, @duplicates, @now) RETURNING id
            """,
            new
            {
                fileName,
                format = plan.Format,
                noCapture = noCapture ? 1 : 0,
                planPath,
                entries = plan.EntryCount,
                links = plan.Links.Count,
                rejected = plan.Rejected.Count,
                duplicates = plan.DuplicatesInFile,
                now = Now(),
            });
    }

    /// <summary>How many of these normalized URLs the library already has.</summary>
    public int CountSavedUrls(IEnumerable<string> normalizedUrls)
    {
        using var connection = database.Open();
        return normalizedUrls.Chunk(500).Sum(chunk => connection.ExecuteScalar<int>("SELECT COUNT(*) FROM links WHERE normalized_url IN @chunk", new { chunk }));
    }

    /// <summary>
    /// Adds one batch of an import in one transaction, together with the import's progress (<paramref name="appliedAfter"/>
    /// links done), so a crash repeats no batch and loses none. A URL already in the library is merged: tags
    /// united, the earliest saved date, notes joined, an empty title filled, states kept once true.
    /// Returns the ids of the links the batch created or changed.
    /// </summary>
    public IReadOnlyList<long> ApplyImportBatch(long importId, IReadOnlyList<PlannedLink> batch, int appliedAfter, bool queueCaptures)
    {
        var now = Now();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var newLinks = new NewImportedLinks(connection, transaction);
        int created = 0, merged = 0;
        var linkIds = new List<long>(batch.Count);
        foreach (var link in batch)
        {
            var saved = link.SavedAt is { } at ? StorageText.Time(at) : now;
            if (newLinks.Find(link.NormalizedUrl) is { } existing)
            {
                merged++;
                connection.Execute(
                    """
                    UPDATE links SET title = CASE WHEN title = '' THEN @title ELSE title END, note = @note,
                        created_at = MIN(created_at, @saved), updated_at = @now,
                        is_read = MAX(is_read, @read), is_favorite = MAX(is_favorite, @favorite), is_archived = MAX(is_archived, @archived), is_private = MAX(is_private, @private)
                    WHERE id = @linkId
                    """,
                    new { linkId = existing.Id, title = LinkTitle.FromPage(link.Title), note = ImportPlanner.JoinNotes(existing.Note, link.Note), saved, now, read = link.Read, favorite = link.Favorite, archived = link.Archived, @private = link.Private },
                    transaction);
                TagRows.Add(connection, transaction, existing.Id, link.Tags);
                SearchIndex.Update(connection, transaction, existing.Id);
                linkIds.Add(existing.Id);
            }
            else
            {
                created++;
                linkIds.Add(newLinks.Add(link, saved, now, queueCaptures ? importId : null));
            }
        }

        connection.Execute(
            "UPDATE imports SET applied = @appliedAfter, created = created + @created, merged = merged + @merged WHERE id = @importId",
            new { importId, appliedAfter, created, merged },
            transaction);
        transaction.Commit();
        return linkIds;
    }

    public ImportRecord? GetImport(long id) => ListImports(id).FirstOrDefault();

    /// <summary>The import's captures that failed for good (with their reasons), newest first.</summary>
    public IReadOnlyList<SnapshotRecord> ListImportFailures(long importId, int limit)
    {
        using var connection = database.Open();
        return connection.Query<SnapshotRow>(
                $"SELECT {SnapshotRow.Columns} {LinkRows.SnapshotFrom} WHERE s.import_id = @importId AND s.status = 'failed' ORDER BY s.id DESC LIMIT @limit",
                new { importId, limit })
            .Select(r => r.ToRecord())
            .ToList();
    }

    /// <summary>Imports, newest first (or just <paramref name="id"/>), with the state of their captures.</summary>
    public IReadOnlyList<ImportRecord> ListImports(long? id = null)
    {
        using var connection = database.Open();
        var rows = connection.Query<ImportRow>(
            $"SELECT {ImportColumns} FROM imports WHERE @id IS NULL OR id = @id ORDER BY id DESC LIMIT 100", new { id }).ToList();
        return rows.Select(r => r.ToRecord(connection.Query<(string Status, int Count)>(
                "SELECT status, COUNT(*) FROM snapshots WHERE import_id = @id GROUP BY status", new { id = r.Id })
            .ToDictionary(c => c.Status, c => c.Count)))
            .ToList();
    }

    /// <summary>
    /// Moves an import on: paused holds its queued captures back, cancelled drops them (the links stay),
    /// running/capturing resume. False when the import is unknown or already ended.
    /// </summary>
    public bool SetImportStatus(long id, string status)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var current = connection.QuerySingleOrDefault<string?>("SELECT status FROM imports WHERE id = @id", new { id }, transaction);
        if (current is null or ImportStatuses.Cancelled || (current == ImportStatuses.Done && status != ImportStatuses.Done))
        {
            return false;
        }

        if (status == ImportStatuses.Cancelled)
        {
            var dropped = connection.Query<long>("SELECT id FROM snapshots WHERE import_id = @id AND status = 'queued'", new { id }, transaction).ToList();
            foreach (var linkId in connection.Query<long>("SELECT DISTINCT link_id FROM snapshots WHERE id IN @dropped", new { dropped }, transaction).ToList())
            {
                connection.Execute("DELETE FROM snapshots WHERE link_id = @linkId AND id IN @dropped", new { linkId, dropped }, transaction);
                connection.Execute("UPDATE links SET latest_snapshot_id = (SELECT MAX(id) FROM snapshots WHERE link_id = @linkId) WHERE id = @linkId", new { linkId }, transaction);
            }
        }

        var finished = status is ImportStatuses.Cancelled or ImportStatuses.Done ? Now() : null;
        connection.Execute("UPDATE imports SET status = @status, finished_at = COALESCE(@finished, finished_at) WHERE id = @id", new { id, status, finished }, transaction);
        transaction.Commit();
        return true;
    }

    private sealed class ImportRow
    {
        public long Id { get; set; }
        public string FileName { get; set; } = "";
        public string Format { get; set; } = "";
        public string Status { get; set; } = "";
        public long NoCapture { get; set; }
        public string PlanPath { get; set; } = "";
        public long EntryCount { get; set; }
        public long LinkCount { get; set; }
        public long RejectedCount { get; set; }
        public long DuplicateCount { get; set; }
        public long Applied { get; set; }
        public long Created { get; set; }
        public long Merged { get; set; }
        public string CreatedAt { get; set; } = "";
        public string? FinishedAt { get; set; }

        public ImportRecord ToRecord(IReadOnlyDictionary<string, int> captures) => new()
        {
            Id = Id,
            FileName = FileName,
            Format = Format,
            Status = Status,
            NoCapture = NoCapture != 0,
            PlanPath = PlanPath,
            EntryCount = (int)EntryCount,
            LinkCount = (int)LinkCount,
            RejectedCount = (int)RejectedCount,
            DuplicateCount = (int)DuplicateCount,
            Applied = (int)Applied,
            Created = (int)Created,
            Merged = (int)Merged,
            CreatedAt = StorageText.ParseTime(CreatedAt),
            FinishedAt = StorageText.ParseTimeOrNull(FinishedAt),
            Captures = captures,
        };
    }
}
