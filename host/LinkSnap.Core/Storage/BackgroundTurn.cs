namespace LinkSnap.Core.Storage;

/// <summary>
/// Lets <see cref="LinkStore.ClaimNextJob"/> start a background job, except on sites still resting
/// after their last background capture (the per-host gap, tracked by the daemon's clock).
/// </summary>
public sealed record BackgroundTurn(IReadOnlyCollection<string> RestingSites);
