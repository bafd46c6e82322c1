using LinkSnap.Core.Capture;
using LinkSnap.Shared;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Daemon;
using LinkSnap.Jobs;
using LinkSnap.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Jobs;

/// <summary>A real SQLite file and snapshot folders for the queue's unit tests (CaptureQueue + CaptureJobRunner with a scripted engine).</summary>
public abstract class QueueTestBase
{
    private TempDirectory _temp = null!;

    protected LinkSnapDatabase Database { get; private set; } = null!;
    protected LinkStore Store { get; private set; } = null!;
    protected SnapshotFolders Folders { get; private set; } = null!;
    protected JobEvents Events { get; private set; } = null!;

    [SetUp]
    public void SetUpStore()
    {
        _temp = new TempDirectory();
        var paths = new LinkSnapPaths(_temp.Path);
        paths.EnsureCreated();
        Database = new LinkSnapDatabase(paths.DatabasePath);
        Database.Migrate();
        Store = new LinkStore(Database, TimeProvider.System);
        Folders = new SnapshotFolders(paths);
        Events = new JobEvents();
    }

    [TearDown]
    public void TearDownStore()
    {
        Database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    /// <summary>The store reads the same clock as the queue (retry times are compared in SQL).</summary>
    protected void UseClock(TimeProvider time) => Store = new LinkStore(Database, time);

    protected CaptureQueue Queue(
        ICaptureEngine engine, int concurrency = 2, int maxAttempts = 3, TimeSpan? jobTimeout = null, BackgroundOptions? background = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var options = Options.Create(new DaemonOptions { Concurrency = concurrency, MaxAttempts = maxAttempts });
        var capture = Options.Create(new CaptureOptions { JobTimeout = jobTimeout ?? TimeSpan.FromMinutes(1) });
        var backgroundOptions = Options.Create(background ?? new BackgroundOptions());
        var runner = new CaptureJobRunner(Store, Folders, new SnapshotWriter(Store, Folders), engine, Events, capture, backgroundOptions, time, NullLogger<CaptureJobRunner>.Instance);
        return new CaptureQueue(Store, runner, Events, options, backgroundOptions, new HostPoliteness(time), time, NullLogger<CaptureQueue>.Instance);
    }

    protected long Enqueue(string path, CaptureQueue? queue = null) => Enqueue("https://example.org" + path, JobClasses.User, queue);

    protected long Enqueue(string url, string jobClass, CaptureQueue? queue = null)
    {
        var id = Store.AddCapture(new Uri(url), ["t"], null, CaptureMode.Fresh, jobClass: jobClass).SnapshotId;
        queue?.Notify();
        return id;
    }

    protected Task<SnapshotRecord> WaitForAsync(long id, Func<SnapshotRecord, bool> condition) =>
        Eventually.ValueAsync(() => Task.FromResult(Store.Snapshots.GetSnapshot(id)!), condition, TimeSpan.FromSeconds(30), snapshot => $"snapshot {id} (it stayed {snapshot.Status})");

    protected Task<SnapshotRecord> WaitFinishedAsync(long id) => WaitForAsync(id, s => s.IsFinished);

    /// <summary>
    /// Moves the fake clock by <paramref name="step"/>, again each second of real time until the job ends.
    /// The queue sets its timer (or a site's rest) a moment after the store says the previous job ended;
    /// a single Advance that lands in that moment would leave the timer a whole step in the future.
    /// </summary>
    protected Task<SnapshotRecord> AdvanceUntilFinishedAsync(FakeTimeProvider clock, long id, TimeSpan step)
    {
        var nextAdvance = DateTime.MinValue;
        return Eventually.ValueAsync(
            () =>
            {
                var snapshot = Store.Snapshots.GetSnapshot(id)!;
                if (!snapshot.IsFinished && DateTime.UtcNow >= nextAdvance)
                {
                    clock.Advance(step);
                    nextAdvance = DateTime.UtcNow.AddSeconds(1);
                }

                return Task.FromResult(snapshot);
            },
            snapshot => snapshot.IsFinished,
            TimeSpan.FromSeconds(30),
            snapshot => $"snapshot {id} to finish while the clock moves by {step} (it stayed {snapshot.Status})");
    }
}
