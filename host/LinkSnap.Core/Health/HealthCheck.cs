namespace LinkSnap.Core.Health;

/// <summary>One recorded check of a link (a row of its health history).</summary>
public sealed record HealthCheck
{
    public long Id { get; init; }
    public required long LinkId { get; init; }
    public required DateTimeOffset CheckedAt { get; init; }
    public required HealthState State { get; init; }
    public int? HttpStatus { get; init; }
    public required string Reason { get; init; }

    /// <summary>Where a moved link now lives.</summary>
    public string? MovedTo { get; init; }

    /// <summary>The check failed in a way that may pass (counted towards "gone").</summary>
    public bool Failure { get; init; }
}
