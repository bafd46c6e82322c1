using System.Data;
using System.Text.Json;
using Dapper;
using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Urls;

namespace LinkSnap.Core.Snapshots;

/// <summary>
/// library-settings.json in the data directory: the rows of the settings no other file holds (each link's
/// watch, the tags watched as a whole, the default tags), so that `linksnap reindex` on a data directory
/// whose database is gone gets them back. The rule is one: after any change to those tables commits, the
/// file is rewritten whole from them (<see cref="Save"/>), atomically (temp file, fsync, rename). Whole,
/// not appended, because the rows are few and small: decision 083 measures a rewrite at 10,000 watches.
/// A watch is filed by its link's URL, since a rebuild may give the link another id.
/// </summary>
public static class LibrarySettingsFile
{
    public const string FileName = "library-settings.json";

    // One writer at a time in this process: each reads the tables after its own commit, so the last one
    // to write has seen every commit before it.
    private static readonly Lock WriteLock = new();

    public static string? PathOf(LinkSnapDatabase database) =>
        database.DataDirectory is { } directory ? Path.Combine(directory, FileName) : null;

    /// <summary>Rewrites the file from the tables (nothing for an in-memory database). Call after the change's commit.</summary>
    public static void Save(LinkSnapDatabase database)
    {
        if (PathOf(database) is not { } path)
        {
            return;
        }

        lock (WriteLock)
        {
            LibrarySettingsDocument document;
            using (var connection = database.Open())
            {
                document = Read(connection);
            }

            var temp = path + ".tmp";
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                JsonSerializer.Serialize(stream, document, SnapshotJson.Indented);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
    }

    /// <summary>
    /// <see cref="Save"/> for the scheduler's own changes (a finished check, a tag watch sync): a write that fails
    /// (disk full) must not fail the committed change, and the next save rewrites the whole file anyway. False when it failed.
    /// </summary>
    public static bool TrySave(LinkSnapDatabase database)
    {
        try
        {
            Save(database);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A library from before this file (or restored from an archive by an older build) gets it at start.</summary>
    public static void EnsureSeeded(LinkSnapDatabase database)
    {
        if (PathOf(database) is { } path && !File.Exists(path))
        {
            Save(database);
        }
    }

    /// <summary>
    /// Puts back the rows the database lacks (a rebuild from nothing lacks them all; an in-place reindex keeps
    /// its own, which are never older than the file). A watch whose link is not in the library is left out and
    /// reported in <paramref name="skipped"/>, as is a file that cannot be read.
    /// </summary>
    public static void Restore(LinkSnapDatabase database, IDbConnection connection, IDbTransaction transaction, List<string> skipped)
    {
        if (PathOf(database) is not { } path || !File.Exists(path))
        {
            return;
        }

        LibrarySettingsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<LibrarySettingsDocument>(File.ReadAllText(path), SnapshotJson.Options);
        }
        catch (JsonException e)
        {
            skipped.Add($"{path}: cannot be read ({e.Message}); watches and default tags were not restored from it");
            return;
        }

        if (document is null)
        {
            return;
        }

        if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM default_tags", transaction: transaction) == 0)
        {
            connection.Execute(
                "INSERT OR IGNORE INTO default_tags (tag_key, tag_name, position) VALUES (@Key, @Name, @Position)",
                (document.DefaultTags ?? []).Select((name, position) => new { Key = TagName.Key(name), Name = name, Position = position }),
                transaction);
        }

        connection.Execute(
            "INSERT OR IGNORE INTO tag_watches (tag_key, tag_name, period) VALUES (@Key, @Tag, @Period)",
            (document.TagWatches ?? []).Where(t => t.Key is not null && t.Tag is not null && SchedulePeriods.TryParse(t.Period, out var p) && p != SchedulePeriod.Off),
            transaction);

        foreach (var watch in document.Watches ?? [])
        {
            var linkId = Uri.TryCreate(watch.Url, UriKind.Absolute, out var url)
                ? connection.QuerySingleOrDefault<long?>("SELECT id FROM links WHERE normalized_url = @normalized", new { normalized = UrlNormalizer.Normalize(url) }, transaction)
                : null;
            if (!SchedulePeriods.TryParse(watch.Period, out _))
            {
                skipped.Add($"{path}: the watch of {watch.Url} has no valid period (\"{watch.Period}\"); it is left out");
                continue;
            }

            if (linkId is null)
            {
                skipped.Add($"{path}: the watch of {watch.Url} names no link in the library; it is left out");
                continue;
            }

            // No check is in flight after a rebuild: the capture it waited for is not in the files.
            connection.Execute(
                """
                INSERT OR IGNORE INTO watches (link_id, period, source, next_due_at, failures, last_checked_at, last_outcome, last_reason)
                VALUES (@linkId, @Period, @Source, @NextDueAt, @Failures, @LastCheckedAt, @LastOutcome, @LastReason)
                """,
                new { linkId, watch.Period, watch.Source, watch.NextDueAt, watch.Failures, watch.LastCheckedAt, watch.LastOutcome, watch.LastReason },
                transaction);
        }
    }

    private static LibrarySettingsDocument Read(IDbConnection connection) => new()
    {
        DefaultTags = [.. connection.Query<string>("SELECT tag_name FROM default_tags ORDER BY position")],
        TagWatches = [.. connection.Query<TagWatchLine>("SELECT tag_key AS Key, tag_name AS Tag, period FROM tag_watches ORDER BY tag_key")],
        Watches =
        [
            .. connection.Query<WatchLine>(
                "SELECT l.url, w.period, w.source, w.next_due_at, w.failures, w.last_checked_at, w.last_outcome, w.last_reason FROM watches w JOIN links l ON l.id = w.link_id ORDER BY w.link_id"),
        ],
    };

    /// <summary>The file's shape (times as the database holds them, so a restored row is the row that was saved).</summary>
    public sealed class LibrarySettingsDocument
    {
        public List<string>? DefaultTags { get; set; }
        public List<TagWatchLine>? TagWatches { get; set; }
        public List<WatchLine>? Watches { get; set; }
    }

    public sealed class TagWatchLine
    {
        public string? Key { get; set; }
        public string? Tag { get; set; }
        public string? Period { get; set; }
    }

    public sealed class WatchLine
    {
        public string Url { get; set; } = "";
        public string Period { get; set; } = "off";
        public string Source { get; set; } = "link";
        public string? NextDueAt { get; set; }
        public long Failures { get; set; }
        public string? LastCheckedAt { get; set; }
        public string? LastOutcome { get; set; }
        public string? LastReason { get; set; }
    }
}
