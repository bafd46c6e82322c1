namespace LinkSnap.Core.Storage;

/// <summary>State of a snapshot, which is also its capture job.</summary>
public enum SnapshotStatus
{
    Queued,
    Running,
    Done,
    Partial,
    Failed,
}
