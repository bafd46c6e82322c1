namespace LinkSnap.Core.Capture.Inlining;

/// <summary>Counts for logs, metadata and benchmarks.</summary>
public sealed record InliningStats
{
    /// <summary>Archive parts inlined at least once (each inlined once, however often referenced).</summary>
    public int ResourcesInlined { get; init; }

    /// <summary>References to resources that were not in the archive, removed or blanked.</summary>
    public int ResourcesMissing { get; init; }

    public int FramesInlined { get; init; }

    /// <summary>Script elements, event handler attributes and script URLs removed.</summary>
    public int ScriptsRemoved { get; init; }

    public long InlinedBytes { get; init; }

    public int ArchiveParts { get; init; }

    /// <summary>The first few references that were not in the archive (for diagnostics).</summary>
    public IReadOnlyList<string> MissingUrls { get; init; } = [];
}
