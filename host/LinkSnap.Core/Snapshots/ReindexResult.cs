namespace LinkSnap.Core.Snapshots;

/// <summary>What a reindex rebuilt, and the folders it could not restore, each as 'folder: reason'.</summary>
public sealed record ReindexResult(int Links, int Snapshots, IReadOnlyList<string> Skipped);
