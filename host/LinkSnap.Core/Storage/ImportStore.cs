using System.Data;
using System.Text.Json;
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
        return connection.ExecuteScalar<int>(
            "SELECT COUNT(*) FROM json_each(@urls) j JOIN links l ON l.normalized_url = j.value", new { urls = JsonSerializer.Serialize(normalizedUrls) });
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
        // The library's links among the batch in one query; the new ones are written a batch per statement.
        var existing = NewImportedLinks.Find(connection, transaction, batch.Select(l => l.NormalizedUrl));
        var saved = batch.Select(l => l.SavedAt is { } at ? StorageText.Time(at) : now).ToList();
        var fresh = batch.Select((link, i) => (Link: link, Saved: saved[i]))
            .Where(l => !existing.ContainsKey(l.Link.NormalizedUrl))
            .DistinctBy(l => l.Link.NormalizedUrl, StringComparer.Ordinal)
            .ToList();
        var created = NewImportedLinks.Add(connection, transaction, fresh, now, queueCaptures ? importId : null);
        foreach (var (link, note) in fresh.Select(l => (l.Link, l.Link.Note)))
        {
            existing[link.NormalizedUrl] = (created[link.NormalizedUrl], note);
        }

        var merged = 0;
        var linkIds = new List<long>(batch.Count);
        var unmerged = fresh.Select(l => l.Link).ToHashSet(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < batch.Count; i++)
        {
            var link = batch[i];
            var (id, existingNote) = existing[link.NormalizedUrl];
            linkIds.Add(id);
            if (unmerged.Contains(link))
            {
                continue; // just created from this entry
            }

            // A URL the library had (or a repeat within the batch): merged into that link.
            merged++;
            connection.Execute(
                """
                UPDATE links SET title = CASE WHEN title = '' THEN @title ELSE title END, note = @note,
                    created_at = MIN(created_at, @saved), updated_at = @now,
                    is_read = MAX(is_read, @read), is_favorite = MAX(is_favorite, @favorite), is_archived = MAX(is_archived, @archived), is_private = MAX(is_private, @private)
                WHERE id = @linkId
                """,
                new { linkId = id, title = LinkTitle.FromPage(link.Title), note = ImportPlanner.JoinNotes(existingNote, link.Note), saved = saved[i], now, read = link.Read, favorite = link.Favorite, archived = link.Archived, @private = link.Private },
                transaction);
            existing[link.NormalizedUrl] = (id, ImportPlanner.JoinNotes(existingNote, link.Note));
            TagRows.Add(connection, transaction, id, link.Tags);
            SearchIndex.Update(connection, transaction, id);
        }

        connection.Execute(
            "UPDATE imports SET applied = @appliedAfter, created = created + @created, merged = merged + @merged WHERE id = @importId",
            new { importId, appliedAfter, created = created.Count, merged },
            transaction);
        transaction.Commit();
        return linkIds;
    }

    public ImportRecord? GetImport(long id) => ListImports(id).FirstOrDefault();

    /// <summary>
    /// Only the import's status (null when unknown): the runner asks before each batch, and <see cref="GetImport"/>
    /// also counts the import's capture jobs, a read that grows with the import (200 of them at 100,000 links).
    /// </summary>
    public string? GetImportStatus(long id)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<string?>("SELECT status FROM imports WHERE id = @id", new { id });
    }

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
