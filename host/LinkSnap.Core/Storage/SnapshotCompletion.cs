using LinkSnap.Core.Capture;

namespace LinkSnap.Core.Storage;

/// <summary>How a capture job ended, as recorded on its snapshot row.</summary>
public sealed record SnapshotCompletion
{
    public required SnapshotStatus Status { get; init; }
    public string? Reason { get; init; }

    /// <summary>Folder relative to the data directory.</summary>
    public string? Folder { get; init; }

    public PageMetadata? Metadata { get; init; }
    public IReadOnlyList<ArtifactInfo> Artifacts { get; init; } = [];
    public IReadOnlyDictionary<string, double> TimingsMs { get; init; } = new Dictionary<string, double>();

    /// <summary>Text for the search index; null keeps what is indexed.</summary>
    public string? ArticleText { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The page is gone (DNS failure, HTTP 404/410).</summary>
    public bool Gone { get; init; }
}
