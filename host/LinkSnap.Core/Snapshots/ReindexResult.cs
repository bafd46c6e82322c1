namespace LinkSnap.Core.Snapshots;

/// <summary>What a reindex rebuilt, and the folders it could not read.</summary>
public sealed record ReindexResult(int Links, int Snapshots, IReadOnlyList<string> Skipped);
