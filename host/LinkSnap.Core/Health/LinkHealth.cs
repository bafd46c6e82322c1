namespace LinkSnap.Core.Health;

/// <summary>A link's latest health check, as listings show it.</summary>
public sealed record LinkHealth(HealthState State, string Reason, DateTimeOffset CheckedAt, string? MovedTo);
