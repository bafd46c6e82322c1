using LinkSnap.Core.Capture;

namespace LinkSnap.Core.Snapshots;

/// <summary>What the writer of an imported version put in its folder.</summary>
public sealed record ImportedContent
{
    public IReadOnlyList<ArtifactInfo> Artifacts { get; init; } = [];
    public PageMetadata? Metadata { get; init; }

    /// <summary>Plain text for the search index (and search.txt, so reindex rebuilds it); null when none.</summary>
    public string? SearchText { get; init; }
}
