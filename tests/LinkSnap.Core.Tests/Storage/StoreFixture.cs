using LinkSnap.Core.Capture;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Tests.Storage;

/// <summary>A migrated in-memory store with a clock the test moves.</summary>
internal sealed class StoreFixture : IDisposable
{
    public StoreFixture()
    {
        Database = LinkSnapDatabase.InMemory();
        Database.Migrate();
        Store = new LinkStore(Database, Clock);
    }

    public ManualClock Clock { get; } = new();
    public LinkSnapDatabase Database { get; }
    public LinkStore Store { get; }

    public CaptureTicket Add(string url, params string[] tags) =>
        Store.AddCapture(new Uri(url), tags, null, CaptureMode.Fresh);

    /// <summary>Finishes a snapshot as a capture would, with a title and article text.</summary>
    public void Complete(long snapshotId, string? title, string? text, SnapshotStatus status = SnapshotStatus.Done)
    {
        Store.Jobs.CompleteSnapshot(snapshotId, new SnapshotCompletion
        {
            Status = status,
            Reason = status == SnapshotStatus.Done ? null : "test",
            Metadata = new PageMetadata { Title = title },
            ArticleText = text,
        });
    }

    public void Dispose() => Database.Dispose();
}

internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        Now = Now.AddSeconds(1); // every read is a distinct, increasing time
        return Now;
    }
}
