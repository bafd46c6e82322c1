namespace LinkSnap.Core.Capture;

/// <summary>What a capture produced. Serialized into snapshot.json by the caller.</summary>
public sealed record CaptureResult
{
    public required CaptureOutcome Outcome { get; init; }

    /// <summary>Why the capture is partial or failed, in words a person can act on.</summary>
    public string? Reason { get; init; }

    public PageMetadata Metadata { get; init; } = new();

    public IReadOnlyList<ArtifactInfo> Artifacts { get; init; } = [];

    /// <summary>Plain text of the readable article (or of the page), for the full-text index.</summary>
    public string? ArticleText { get; init; }

    /// <summary>Milliseconds per step ("navigate", "settle", "html", "screenshot", "pdf", "article", "total", ...).</summary>
    public IReadOnlyDictionary<string, double> TimingsMs { get; init; } = new Dictionary<string, double>();
}
