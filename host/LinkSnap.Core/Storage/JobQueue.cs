using System.Data;
using System.Text.Json;
using Dapper;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Search;
using LinkSnap.Core.Snapshots;

namespace LinkSnap.Core.Storage;

/// <summary>
/// The persisted capture queue: a queued or running snapshot row is a job. Claims user captures first, then
/// background work one site at a time; records each job's stage and end; recovers what a dead daemon left.
/// </summary>
public sealed class JobQueue(LinkSnapDatabase database, TimeProvider time)
{
    private const string SnapshotFrom = LinkRows.SnapshotFrom;

    private string Now() => StorageText.Time(time.GetUtcNow());

    /// <summary>The oldest queued capture a person asked for (index ix_snapshots_queue).</summary>
    internal const string NextUserJob = "SELECT id FROM snapshots WHERE status = 'queued' AND job_class = 'user' ORDER BY id LIMIT 1";

    /// <summary>
    /// The oldest due background job of a site that is not blocked (@blocked: sites running or resting). It walks
    /// the distinct sites with queued background work through ix_snapshots_background_queue (one index seek per
    /// site) and reads each free site's head, so the jobs of a blocked site are never visited: a claim costs the
    /// number of sites with queued work, not the number of queued jobs (migration 009). Only a site whose first
    /// jobs wait for a retry or belong to a paused import is read further, up to its first job that may start.
    /// INDEXED BY: without statistics SQLite would take ix_snapshots_queue (status=?), which walks every queued job.
    /// </summary>
    internal const string NextBackgroundJob =
        """
        WITH RECURSIVE queued_sites(site) AS (
            SELECT MIN(site) FROM snapshots INDEXED BY ix_snapshots_background_queue WHERE status = 'queued' AND job_class <> 'user'
            UNION ALL
            SELECT (SELECT MIN(q.site) FROM snapshots q INDEXED BY ix_snapshots_background_queue WHERE q.status = 'queued' AND q.job_class <> 'user' AND q.site > queued_sites.site)
            FROM queued_sites WHERE queued_sites.site IS NOT NULL
        )
        SELECT MIN((
            SELECT s.id FROM snapshots s INDEXED BY ix_snapshots_background_queue
            WHERE s.site = queued_sites.site AND s.status = 'queued' AND s.job_class <> 'user'
              AND (s.not_before IS NULL OR s.not_before <= @now)
              AND (s.import_id IS NULL OR s.import_id NOT IN (SELECT id FROM imports WHERE status = 'paused'))
            ORDER BY s.id LIMIT 1))
        FROM queued_sites WHERE queued_sites.site IS NOT NULL AND queued_sites.site NOT IN @blocked
        """;

    /// <summary>
    /// Takes the oldest queued user capture and marks it running (one more attempt); failing that, when
    /// <paramref name="background"/> allows it, the oldest background job that is due and whose site has
    /// nothing running and is not resting. Null when nothing may start now. The job is picked by a read and
    /// then claimed by id, so the write lock is held for one row only.
    /// </summary>
    public SnapshotRecord? ClaimNextJob(BackgroundTurn? background = null)
    {
        using var connection = database.Open();
        var now = Now();
        var id = Claim(connection, connection.ExecuteScalar<long?>(NextUserJob), now);
        if (id is null && background is not null)
        {
            var blocked = connection.Query<string>("SELECT DISTINCT site FROM snapshots WHERE status = 'running'")
                .Concat(background.RestingSites).Distinct().ToList();
            id = Claim(connection, connection.ExecuteScalar<long?>(NextBackgroundJob, new { now, blocked }), now);
        }

        return id is null ? null : connection.QuerySingle<SnapshotRow>($"SELECT {SnapshotRow.Columns} {SnapshotFrom} WHERE s.id = @id", new { id }).ToRecord();
    }

    /// <summary>
    /// The last moment a background capture of each site ended (or, for one a killed daemon left running,
    /// started), among those since <paramref name="since"/>: after a restart the per-site gap goes on from these.
    /// </summary>
    public IReadOnlyList<(string Site, DateTimeOffset At)> LastBackgroundCaptures(DateTimeOffset since)
    {
        using var connection = database.Open();
        return connection.Query<(string Site, string At)>(
            """
            SELECT l.site, MAX(COALESCE(s.finished_at, s.started_at)) FROM snapshots s JOIN links l ON l.id = s.link_id
            WHERE s.job_class <> 'user' AND COALESCE(s.finished_at, s.started_at) >= @since
            GROUP BY l.site
            """,
            new { since = StorageText.Time(since) })
            .Select(r => (r.Site, StorageText.ParseTime(r.At))).ToList();
    }

    /// <summary>When the first background job held back by its not-before time (a retry's back-off) may start; null when none waits.</summary>
    public DateTimeOffset? NextBackgroundJobStart()
    {
        using var connection = database.Open();
        return StorageText.ParseTimeOrNull(connection.ExecuteScalar<string?>(
            "SELECT MIN(not_before) FROM snapshots WHERE status = 'queued' AND job_class <> 'user' AND not_before > @now",
            new { now = Now() }));
    }

    /// <summary>Marks the picked job running; null when there was none or it is no longer queued.</summary>
    private static long? Claim(IDbConnection connection, long? id, string now) => id is null ? null : connection.ExecuteScalar<long?>(
        """
        UPDATE snapshots SET status = 'running', stage = 'loading', started_at = @now, finished_at = NULL, reason = NULL, attempts = attempts + 1
        WHERE id = @id AND status = 'queued'
        RETURNING id
        """,
        new { id, now });

    /// <summary>
    /// Puts a failed background capture back in the queue, not to start before <paramref name="notBefore"/>;
    /// the reason says what failed and when it is tried again. False when the job is not running any more.
    /// </summary>
    public bool ScheduleRetry(long id, DateTimeOffset notBefore, string reason)
    {
        using var connection = database.Open();
        return connection.Execute(
            """
            UPDATE snapshots SET status = 'queued', stage = NULL, reason = @reason, not_before = @notBefore, retries = retries + 1,
                attempts = 0, finished_at = @now
            WHERE id = @id AND status = 'running'
            """,
            new { id, reason, notBefore = StorageText.Time(notBefore), now = Now() }) > 0;
    }

    public void SetStage(long id, CaptureStage stage)
    {
        using var connection = database.Open();
        connection.Execute("UPDATE snapshots SET stage = @stage WHERE id = @id AND status = 'running'", new { stage = StorageText.Stage(stage), id });
    }

    /// <summary>Records how a job ended and refreshes the link (title, search text). False when the snapshot was deleted meanwhile.</summary>
    public bool CompleteSnapshot(long id, SnapshotCompletion completion)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var linkId = connection.QuerySingleOrDefault<long?>("SELECT link_id FROM snapshots WHERE id = @id", new { id }, transaction);
        if (linkId is null)
        {
            return false;
        }

        var title = LinkTitle.FromPage(completion.Metadata?.Title);
        connection.Execute(
            """
            UPDATE snapshots SET status = @status, stage = NULL, reason = @reason, finished_at = @finished, folder = COALESCE(@folder, folder),
                input_path = NULL, title = @title, has_thumbnail = @thumbnail, gone = @gone, not_before = NULL, metadata_json = @metadata, artifacts_json = @artifacts, timings_json = @timings
            WHERE id = @id
            """,
            new
            {
                id,
                status = StorageText.Status(completion.Status),
                reason = completion.Reason,
                finished = StorageText.Time(completion.FinishedAt ?? time.GetUtcNow()),
                folder = completion.Folder,
                title = title.Length == 0 ? null : title,
                gone = completion.Gone ? 1 : 0,
                thumbnail = completion.Artifacts.Any(a => a.Kind == ArtifactKinds.Thumbnail && a.Status == ArtifactStatus.Ok) ? 1 : 0,
                metadata = completion.Metadata is null ? null : JsonSerializer.Serialize(completion.Metadata, SnapshotJson.Options),
                artifacts = JsonSerializer.Serialize(completion.Artifacts, SnapshotJson.Options),
                timings = JsonSerializer.Serialize(completion.TimingsMs, SnapshotJson.Options),
            },
            transaction);

        // An error page's or a bot challenge's title ("Error response", "Just a moment...") is not the link's.
        if (title.Length > 0 && completion.Status != SnapshotStatus.Failed && completion.Metadata?.IsChallengeOrError != true)
        {
            connection.Execute("UPDATE links SET title = @title WHERE id = @linkId AND title_is_custom = 0", new { title, linkId }, transaction);
        }

        LinkRows.Touch(connection, transaction, linkId.Value, Now());
        var body = completion.Status == SnapshotStatus.Failed ? null : completion.ArticleText;
        SearchIndex.Update(connection, transaction, linkId.Value, body);
        transaction.Commit();
        return true;
    }

    /// <summary>
    /// At start-up: jobs still "running" belong to a daemon that died. Each goes back to the queue,
    /// or fails once it has been interrupted <paramref name="maxAttempts"/> times.
    /// </summary>
    public IReadOnlyList<RecoveredJob> RecoverInterruptedJobs(int maxAttempts)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var running = connection.Query<(long Id, long LinkId, long Attempts)>(
            "SELECT id, link_id, attempts FROM snapshots WHERE status = 'running'", transaction: transaction).ToList();
        var result = new List<RecoveredJob>();
        foreach (var job in running)
        {
            if (job.Attempts >= maxAttempts)
            {
                var reason = $"daemon stopped during capture {job.Attempts} times";
                connection.Execute(
                    "UPDATE snapshots SET status = 'failed', stage = NULL, reason = @reason, finished_at = @now WHERE id = @id",
                    new { reason, now = Now(), id = job.Id },
                    transaction);
                result.Add(new RecoveredJob(job.Id, job.LinkId, SnapshotStatus.Failed, reason));
            }
            else
            {
                connection.Execute("UPDATE snapshots SET status = 'queued', stage = NULL WHERE id = @id", new { id = job.Id }, transaction);
                result.Add(new RecoveredJob(job.Id, job.LinkId, SnapshotStatus.Queued, null));
            }
        }

        transaction.Commit();
        return result;
    }

    /// <summary>A job stopped by an orderly shutdown goes back to the queue without counting as an attempt.</summary>
    public void ReleaseJob(long id)
    {
        using var connection = database.Open();
        connection.Execute(
            "UPDATE snapshots SET status = 'queued', stage = NULL, attempts = MAX(attempts - 1, 0) WHERE id = @id AND status = 'running'",
            new { id });
    }

    /// <summary>
    /// Queues a failed or partial snapshot again. False when it does not exist or is not finished badly.
    /// An imported version cannot be imported again from here: it is retried as a fresh capture.
    /// </summary>
    public bool RetrySnapshot(long id)
    {
        using var connection = database.Open();
        return connection.Execute(
            "UPDATE snapshots SET status = 'queued', stage = NULL, reason = NULL, attempts = 0, imported_from = NULL, imported_hash = NULL, mode = CASE mode WHEN 'imported' THEN 'fresh' ELSE mode END, started_at = NULL, finished_at = NULL WHERE id = @id AND status IN ('failed', 'partial')",
            new { id }) > 0;
    }

    /// <summary>Queued and running jobs first (oldest first), then the most recently finished.</summary>
    public IReadOnlyList<SnapshotRecord> ListJobs(int limit)
    {
        using var connection = database.Open();
        var active = connection.Query<SnapshotRow>(
            $"SELECT {SnapshotRow.Columns} {SnapshotFrom} WHERE s.status IN ('running', 'queued') ORDER BY s.status = 'queued', s.id LIMIT @limit",
            new { limit });
        var recent = connection.Query<SnapshotRow>(
            $"SELECT {SnapshotRow.Columns} {SnapshotFrom} WHERE s.status IN ('done', 'partial', 'failed') ORDER BY s.id DESC LIMIT @limit",
            new { limit });
        return active.Concat(recent).Take(limit).Select(r => r.ToRecord()).ToList();
    }

    /// <summary>
    /// Captures a person asked for that wait in the queue: what the queue cap counts. Background work
    /// (imports, scheduled checks) is not a user capture and never counts, so a big import neither
    /// hits the cap nor keeps a click from being queued.
    /// </summary>
    public int CountQueuedUserCaptures()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<int>(
            "SELECT COUNT(*) FROM snapshots WHERE status = 'queued' AND job_class = @user", new { user = JobClasses.User });
    }

    public (int Queued, int Running) CountActiveJobs()
    {
        using var connection = database.Open();
        var counts = connection.Query<(string Status, long Count)>(
            "SELECT status, COUNT(*) FROM snapshots WHERE status IN ('queued', 'running') GROUP BY status").ToDictionary(c => c.Status, c => (int)c.Count);
        return (counts.GetValueOrDefault("queued"), counts.GetValueOrDefault("running"));
    }

    /// <summary>Queues a capture of a link (a new snapshot row) and makes it the link's latest version, in the caller's transaction.</summary>
    internal static long Enqueue(IDbConnection connection, IDbTransaction transaction, long linkId, CaptureMode mode, string? inputPath, string now, string jobClass)
    {
        var id = connection.ExecuteScalar<long>(
            "INSERT INTO snapshots (link_id, status, mode, created_at, input_path, job_class) VALUES (@linkId, 'queued', @mode, @now, @inputPath, @jobClass) RETURNING id",
            new { linkId, mode = StorageText.Mode(mode), now, inputPath, jobClass },
            transaction);
        connection.Execute("UPDATE links SET latest_snapshot_id = @id, updated_at = @now WHERE id = @linkId", new { id, now, linkId }, transaction);
        return id;
    }
}
