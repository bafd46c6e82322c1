namespace LinkSnap.Core.Storage;

/// <summary>What a capture request created: the link (new or existing) and its new queued snapshot.</summary>
public sealed record CaptureTicket(long LinkId, long SnapshotId, bool LinkCreated);
