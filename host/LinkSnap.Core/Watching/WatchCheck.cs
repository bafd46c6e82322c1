namespace LinkSnap.Core.Watching;

/// <summary>One finished check of a watched link (a row in watch_checks).</summary>
public sealed record WatchCheck(long Id, long LinkId, DateTimeOffset CheckedAt, string Outcome, string? Reason, long? SnapshotId)
{
    /// <summary>For the Changes list: the link's address and title at listing time.</summary>
    public string Url { get; init; } = "";

    public string Title { get; init; } = "";
}
