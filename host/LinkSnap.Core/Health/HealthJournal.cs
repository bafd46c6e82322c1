using Dapper;
using LinkSnap.Shared;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Urls;

namespace LinkSnap.Core.Health;

/// <summary>
/// health.jsonl in the data directory: every health check, one line each, appended after it is recorded
/// in SQLite (decision 044). The database is an index of the files (decision 008); without this file a
/// reindex into a new database would start every link's health history over, and with it the
/// "gone after failures that persist" rule. Lines are keyed by URL, because link ids may change when
/// the database is rebuilt. A torn last line (a crash mid-write) is skipped and reported.
/// </summary>
public sealed class HealthJournal(LinkSnapPaths paths)
{
    public const string FileName = "health.jsonl";

    private readonly Lock _lock = new();

    public string FilePath => Path.Combine(paths.DataDirectory, FileName);

    public void Append(string url, HealthCheck check) => Write([HealthJournalEntry.From(url, check)]);

    /// <summary>A library from before health.jsonl gets its recorded history written once, at start.</summary>
    public void EnsureSeeded(LinkSnapDatabase database)
    {
        if (File.Exists(FilePath))
        {
            return;
        }

        using var connection = database.Open();
        Write(connection.Query<(string Url, string CheckedAt, string State, long? HttpStatus, string Reason, string? MovedTo, long Failure)>(
                "SELECT l.url, h.checked_at, h.state, h.http_status, h.reason, h.moved_to, h.failure FROM link_health h JOIN links l ON l.id = h.link_id ORDER BY h.id",
                buffered: false)
            .Select(r => new HealthJournalEntry
            {
                Url = r.Url, CheckedAt = r.CheckedAt, State = r.State, HttpStatus = (int?)r.HttpStatus, Reason = r.Reason, MovedTo = r.MovedTo, Failure = r.Failure != 0,
            }));
    }

    /// <summary>
    /// After a reindex: a link with no health history in the database (a new database) gets its checks
    /// back from the file, and its latest state with them. History already in the database is kept as it is.
    /// </summary>
    public void Restore(System.Data.IDbConnection connection, System.Data.IDbTransaction transaction, List<string> skipped)
    {
        foreach (var (normalized, checks) in Read(skipped))
        {
            var linkId = connection.QuerySingleOrDefault<long?>(
                "SELECT id FROM links WHERE normalized_url = @normalized AND NOT EXISTS (SELECT 1 FROM link_health h WHERE h.link_id = links.id)",
                new { normalized },
                transaction);
            if (linkId is null)
            {
                continue; // deleted since, or its history is still in the database
            }

            foreach (var check in checks)
            {
                connection.Execute(
                    "INSERT INTO link_health (link_id, checked_at, state, http_status, reason, moved_to, failure) VALUES (@linkId, @CheckedAt, @State, @HttpStatus, @Reason, @MovedTo, @Failure)",
                    new { linkId, check.CheckedAt, check.State, check.HttpStatus, check.Reason, check.MovedTo, Failure = check.Failure ? 1 : 0 },
                    transaction);
            }

            var latest = checks[^1];
            connection.Execute(
                "UPDATE links SET health = @State, health_reason = @Reason, health_checked_at = @CheckedAt, health_moved_to = @MovedTo WHERE id = @linkId",
                new { linkId, latest.State, latest.Reason, latest.CheckedAt, latest.MovedTo },
                transaction);
        }
    }

    /// <summary>Every check by normalized URL, oldest first; unreadable lines are reported in <paramref name="skipped"/>.</summary>
    public Dictionary<string, List<HealthJournalEntry>> Read(List<string> skipped)
    {
        var byUrl = new Dictionary<string, List<HealthJournalEntry>>(StringComparer.Ordinal);
        foreach (var (entry, url) in JsonLinesFile.Read<HealthJournalEntry>(FilePath, "a health check", e => e.Url, e => !string.IsNullOrEmpty(e.State) && e.Reason is not null, skipped))
        {
            var key = UrlNormalizer.Normalize(url);
            if (!byUrl.TryGetValue(key, out var checks))
            {
                byUrl[key] = checks = [];
            }

            checks.Add(entry);
        }

        return byUrl;
    }

    private void Write(IEnumerable<HealthJournalEntry> entries)
    {
        lock (_lock)
        {
            JsonLinesFile.Append(FilePath, entries);
        }
    }
}

/// <summary>One line of health.jsonl: a check of the link at <see cref="Url"/>, as link_health keeps it.</summary>
public sealed record HealthJournalEntry
{
    public required string Url { get; init; }
    public required string CheckedAt { get; init; }
    public required string State { get; init; }
    public int? HttpStatus { get; init; }
    public required string Reason { get; init; }
    public string? MovedTo { get; init; }
    public bool Failure { get; init; }

    public static HealthJournalEntry From(string url, HealthCheck check) => new()
    {
        Url = url,
        CheckedAt = StorageText.Time(check.CheckedAt),
        State = HealthStates.Text(check.State),
        HttpStatus = check.HttpStatus,
        Reason = check.Reason,
        MovedTo = check.MovedTo,
        Failure = check.Failure,
    };
}
