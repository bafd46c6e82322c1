namespace LinkSnap.Core.Export;

/// <summary>What a restore brought back.</summary>
public sealed record ArchiveRestoreResult(int Links, int Snapshots, int Files);
