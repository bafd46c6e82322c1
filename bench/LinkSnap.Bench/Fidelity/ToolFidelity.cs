namespace LinkSnap.Bench.Fidelity;

/// <summary>How one tool's saved copy of one site compares with the live reference.</summary>
public sealed record ToolFidelity
{
    public required string Site { get; init; }
    public required string Tool { get; init; }
    public bool Saved { get; init; }
    public string? Error { get; init; }
    public double WallMs { get; init; }
    public long Bytes { get; init; }

    /// <summary>Files the tool produced for the page (LinkSnap: every ok artifact; the peer: one HTML file).</summary>
    public int Artifacts { get; init; }

    public int RequestsAttempted { get; init; }
    public IReadOnlyList<string> RequestSample { get; init; } = [];
    public double MatchingPixelShare { get; init; }
    public double Ssim { get; init; }
    public double TextF1 { get; init; }
    public string? ScreenshotSize { get; init; }
}
