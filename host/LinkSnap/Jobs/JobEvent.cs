using LinkSnap.Core.Capture;
using LinkSnap.Core.Storage;

namespace LinkSnap.Jobs;

/// <summary>A state change of a capture job, as sent on /api/events and to the native relay.</summary>
public sealed record JobEvent(long SnapshotId, long LinkId, SnapshotStatus Status, CaptureStage? Stage, string? Reason)
{
    public static JobEvent From(SnapshotRecord snapshot) =>
        new(snapshot.Id, snapshot.LinkId, snapshot.Status, snapshot.Stage, snapshot.Reason);
}
