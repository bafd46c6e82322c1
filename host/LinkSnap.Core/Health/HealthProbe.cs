namespace LinkSnap.Core.Health;

/// <summary>
/// What one check saw, before the history is taken into account (<see cref="HealthRule"/>).
/// <paramref name="Failure"/> marks answers that may pass (connection, TLS, timeout, 5xx): they
/// become "gone" only when they persist.
/// </summary>
public sealed record HealthProbe(HealthState State, int? HttpStatus, string Reason, string? MovedTo = null, bool Failure = false);
