using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Watching;

/// <summary>A check whose capture has ended (or vanished) and which waits to be judged and recorded.</summary>
public sealed record InFlightCheck(long LinkId, long SnapshotId, SchedulePeriod Period, int Failures, SnapshotRecord? Snapshot);
