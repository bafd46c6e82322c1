using Dapper;
using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Tests.Storage;
using LinkSnap.Core.Watching;
using LinkSnap.Shared;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Snapshots;

/// <summary>
/// The bug: rebuilding the database from nothing (`linksnap reindex` after linksnap.db is lost) lost every
/// watch, every tag watched as a whole and the default tags, because no file reindex reads held them.
/// library-settings.json holds them (decision 083).
/// </summary>
public sealed class LibrarySettingsRebuildTests
{
    private TempDirectory _temp = null!;
    private LinkSnapPaths _paths = null!;
    private LinkJournal _journal = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempDirectory();
        _paths = new LinkSnapPaths(_temp.Path);
        _paths.EnsureCreated();
        _journal = new LinkJournal(_paths, TimeProvider.System);
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void Watches_their_state_tag_watches_and_default_tags_come_back_row_for_row_when_the_database_is_rebuilt_from_nothing()
    {
        string before;
        using (var database = NewDatabase())
        {
            var clock = new ManualClock();
            var store = new LinkStore(database, clock);
            var watches = new WatchStore(database, clock);
            var daily = Bookmark(store, "https://example.org/daily", []);
            var off = Bookmark(store, "https://example.org/off", ["新闻"]);
            Bookmark(store, "https://example.cn/新闻/1", ["新闻/国内"]);
            Bookmark(store, "https://example.org/plain", []);

            watches.SetLinkWatch(daily, SchedulePeriod.Daily);

            // A check that failed leaves its state on the row: due time, failures, last outcome and reason.
            clock.Now += TimeSpan.FromDays(2);
            var snapshotId = watches.ClaimDue(10).Single();
            watches.RecordCheck(new InFlightCheck(daily, snapshotId, SchedulePeriod.Daily, 0, null), WatchOutcomes.Failed, "DNS 查询失败");

            watches.SetLinkWatch(off, SchedulePeriod.Off); // explicitly not watched, though its tag is
            Assert.That(watches.SetTagWatch("新闻", SchedulePeriod.Weekly), Is.EqualTo(1), "the child tag's link follows the tag watch");
            new DefaultTagStore(database).Set(["稍后读", "News/World"]);

            before = Settings(database);
            Assert.That(before, Does.Contain("DNS 查询失败").And.Contain("news/world").And.Contain("|off|link|"), "the rows the test compares are there");
        }

        var result = RebuildFromNothing(out var after);

        Assert.That(after, Is.EqualTo(before));
        Assert.That(result.Skipped, Is.Empty);
    }

    [Test]
    public void A_renamed_tag_stays_renamed_in_the_default_tags_and_the_tag_watch_after_a_rebuild()
    {
        string before;
        using (var database = NewDatabase())
        {
            var store = new LinkStore(database, new ManualClock());
            var watches = new WatchStore(database, TimeProvider.System);
            var tags = new TagStore(database, TimeProvider.System);
            var link = Bookmark(store, "https://example.org/paper", ["nlp/interp"]);
            watches.SetTagWatch("nlp", SchedulePeriod.Daily);
            new DefaultTagStore(database).Set(["nlp", "x"]);

            tags.RenameTag("nlp", "ml/nlp");
            _journal.Append(store.GetLinks([link])); // as the service does after a tag edit

            before = Settings(database);
            Assert.That(before, Does.Contain("default|ml/nlp|ml/nlp|0").And.Contain("tag|ml/nlp|ml/nlp|daily").And.Contain("|daily|ml/nlp|"));
            Assert.That(before, Does.Not.Contain("|nlp|"), "nothing names the old tag");
        }

        RebuildFromNothing(out var after);

        Assert.That(after, Is.EqualTo(before));
    }

    [Test]
    public void A_watch_whose_link_is_not_in_the_files_and_a_damaged_settings_file_are_reported_not_fatal()
    {
        using (var database = NewDatabase())
        {
            var store = new LinkStore(database, new ManualClock());
            new WatchStore(database, TimeProvider.System).SetLinkWatch(Bookmark(store, "https://example.org/a", []), SchedulePeriod.Hourly);
        }

        File.WriteAllText(_journal.FilePath, ""); // links.jsonl lost: the watch names a link the rebuild does not know
        var result = RebuildFromNothing(out var after);
        Assert.That(result.Skipped.Single(), Does.Contain("https://example.org/a").And.Contain("left out"));
        Assert.That(after, Is.Empty);

        File.WriteAllText(Path.Combine(_paths.DataDirectory, LibrarySettingsFile.FileName), "{\"watches\": [");
        result = RebuildFromNothing(out _);
        Assert.That(result.Skipped.Single(), Does.Contain(LibrarySettingsFile.FileName).And.Contain("cannot be read"));
    }

    private LinkSnapDatabase NewDatabase()
    {
        var database = new LinkSnapDatabase(_paths.DatabasePath);
        database.Migrate();
        return database;
    }

    /// <summary>A bookmark-only link with its links.jsonl line, as an import or the service writes it.</summary>
    private long Bookmark(LinkStore store, string url, string[] tags)
    {
        var (id, _) = store.EnsureLink(new Uri(url), "标题", tags, null);
        _journal.Append(store.GetLinks([id]));
        return id;
    }

    private ReindexResult RebuildFromNothing(out string settings)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(_paths.DataDirectory, "linksnap.db*"))
        {
            File.Delete(file);
        }

        using var fresh = NewDatabase();
        var result = new Reindexer(fresh, new SnapshotFolders(_paths), _journal, TimeProvider.System).Rebuild();
        settings = Settings(fresh);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return result;
    }

    /// <summary>Every row of the three tables, every column (a watch with its link's id and URL), one line each.</summary>
    private static string Settings(LinkSnapDatabase database)
    {
        using var connection = database.Open();
        var rows = connection.Query<string>(
                "SELECT 'default|' || tag_key || '|' || tag_name || '|' || position FROM default_tags ORDER BY position")
            .Concat(connection.Query<string>("SELECT 'tag|' || tag_key || '|' || tag_name || '|' || period FROM tag_watches ORDER BY tag_key"))
            .Concat(connection.Query<string>(
                """
                SELECT 'watch|' || w.link_id || '|' || l.url || '|' || w.period || '|' || w.source || '|' || IFNULL(w.next_due_at, '-') || '|' ||
                       IFNULL(w.snapshot_id, '-') || '|' || w.failures || '|' || IFNULL(w.last_checked_at, '-') || '|' ||
                       IFNULL(w.last_outcome, '-') || '|' || IFNULL(w.last_reason, '-')
                FROM watches w JOIN links l ON l.id = w.link_id ORDER BY w.link_id
                """));
        return string.Join("\n", rows);
    }
}
