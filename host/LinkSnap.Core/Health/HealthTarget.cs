namespace LinkSnap.Core.Health;

/// <summary>A link to check: its address and the folder of its latest finished version (for the saved text).</summary>
public sealed record HealthTarget(long LinkId, string Url, string Site, string? LatestFolder);
