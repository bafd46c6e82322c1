namespace LinkSnap.Core.Storage;

/// <summary>A job found running at start-up (its daemon died) and what became of it.</summary>
public sealed record RecoveredJob(long SnapshotId, long LinkId, SnapshotStatus Status, string? Reason);
