namespace LinkSnap.Bench.Harness;

/// <summary>
/// One line of the result table: a figure, LinkSnap's value, the peer's value measured in the
/// same run (if any), their ratio, the target and whether it is met (null: no target or not measured).
/// Values are kept as numbers for latest.json and as text for the table.
/// </summary>
public sealed record BenchRow
{
    public required string Section { get; init; }
    public required string Figure { get; init; }
    public double? Value { get; init; }
    public string? ValueText { get; init; }
    public string? Peer { get; init; }
    public double? PeerValue { get; init; }
    public string? PeerText { get; init; }
    public double? Ratio { get; init; }
    public string? Target { get; init; }
    public bool? Met { get; init; }

    /// <summary>Why a figure is missing or what it rests on (subset size, skipped part).</summary>
    public string? Note { get; init; }

    public string Unit { get; init; } = "";
}
