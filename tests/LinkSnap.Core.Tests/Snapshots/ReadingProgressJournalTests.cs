using LinkSnap.Core.Capture;
using LinkSnap.Core.Reading;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Tests.Storage;
using LinkSnap.Shared;
using LinkSnap.Testing;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Snapshots;

/// <summary>
/// The bug: reading progress lived only in the database, so `linksnap reindex` from the files reset it to the
/// top. It reaches links.jsonl once reading pauses (decision 077): one line per pause, not one per scroll.
/// </summary>
public sealed class ReadingProgressJournalTests
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

    private int Lines() => File.ReadAllLines(_journal.FilePath).Length;

    [Test]
    public void Progress_reaches_links_jsonl_once_reading_pauses_and_a_lost_database_gets_it_back()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T08:00:00Z"));
        long linkId;
        using (var database = new LinkSnapDatabase(_paths.DatabasePath))
        {
            database.Migrate();
            var store = new LinkStore(database, new ManualClock());
            linkId = store.AddCapture(new Uri("https://example.cn/长文"), ["读书"], "读到第三节", CaptureMode.Fresh).LinkId;
            store.SetStates([linkId], new LinkStatesEdit(Favorite: true, Archived: true));
            _journal.Append(store.GetLinks([linkId])); // as the service does when a link is added
            using var reading = new ReadingProgressJournal(store, _journal, time);
            var progress = new ReadingProgressStore(database, reading);

            // Scrolling: a save every 2 s (the reader's own pause is 400 ms) adds no line.
            for (var fraction = 0.1; fraction <= 0.5; fraction += 0.1)
            {
                Assert.That(progress.Set(linkId, fraction), Is.True);
                time.Advance(TimeSpan.FromSeconds(2));
            }

            Assert.That(Lines(), Is.EqualTo(1), "no line while the person keeps scrolling");
            time.Advance(ReadingProgressJournal.QuietPeriod);
            Assert.That(Lines(), Is.EqualTo(2), "one line once reading paused");
            Assert.That(_journal.ReadLatest([]).Values.Single().Link!.ReadingProgress, Is.EqualTo(0.5).Within(1e-9));

            // Shutdown writes the line of a save still waiting.
            progress.Set(linkId, 0.75);
            Assert.That(progress.Set(424242, 0.5), Is.False);
        }

        Assert.That(Lines(), Is.EqualTo(3));
        foreach (var file in Directory.GetFiles(_paths.DataDirectory, "linksnap.db*"))
        {
            File.Delete(file);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var fresh = new LinkSnapDatabase(_paths.DatabasePath);
        fresh.Migrate();
        new Reindexer(fresh, new SnapshotFolders(_paths), _journal, TimeProvider.System).Rebuild();
        var rebuilt = new LinkStore(fresh, TimeProvider.System);
        var link = rebuilt.FindLinkByUrl(new Uri("https://example.cn/长文"))!;
        Assert.That(link.ReadingProgress, Is.EqualTo(0.75).Within(1e-9));
        Assert.That((link.Note, link.States), Is.EqualTo(("读到第三节", new LinkStates(Favorite: true, Archived: true))), "the states and note come back with it");
        Assert.That(link.Tags, Is.EqualTo(new[] { "读书" }));

        // In place, the database's value is the newer one (saved before its line): a reindex keeps it, and the link's watch.
        new ReadingProgressStore(fresh).Set(link.Id, 0.9);
        var watches = new Core.Watching.WatchStore(fresh, TimeProvider.System);
        watches.SetLinkWatch(link.Id, Core.Scheduling.SchedulePeriod.Weekly);
        new Reindexer(fresh, new SnapshotFolders(_paths), _journal, TimeProvider.System).Rebuild();
        Assert.That(rebuilt.GetLink(link.Id)!.ReadingProgress, Is.EqualTo(0.9).Within(1e-9));
        Assert.That(watches.GetWatch(link.Id)!.Period, Is.EqualTo(Core.Scheduling.SchedulePeriod.Weekly));
    }

    [Test]
    public void A_value_out_of_range_in_links_jsonl_is_dropped_and_the_rest_of_the_link_comes_back()
    {
        File.WriteAllText(_journal.FilePath,
            """{"id":3,"url":"https://example.org/edited","at":"2026-03-01T08:00:00.000Z","link":{"url":"https://example.org/edited","title":"Edited by hand","tags":["x"],"readingProgress":7}}""" + "\n");
        using var database = new LinkSnapDatabase(_paths.DatabasePath);
        database.Migrate();

        var result = new Reindexer(database, new SnapshotFolders(_paths), _journal, TimeProvider.System).Rebuild();

        Assert.That(result.Links, Is.EqualTo(1));
        var link = new LinkStore(database, TimeProvider.System).FindLinkByUrl(new Uri("https://example.org/edited"))!;
        Assert.That((link.Title, link.ReadingProgress), Is.EqualTo(("Edited by hand", (double?)null)));
    }
}
