using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Versions;

/// <summary>Two versions of a link compared: text, screenshots, the stored file (non-HTML) and metadata, with a one-line summary.</summary>
public sealed record VersionComparison
{
    public required VersionSide Before { get; init; }
    public required VersionSide After { get; init; }

    /// <summary>"+120 −30 words, title changed" or "unchanged"; says so when a side cannot be compared.</summary>
    public required string Summary { get; init; }

    public required ChangeFacts Changes { get; init; }

    /// <summary>Why parts could not be compared (failed version, missing file, non-HTML original).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    public required TextComparison Text { get; init; }
    public ScreenshotComparison? Screenshot { get; init; }
    public FileComparison? File { get; init; }
    public IReadOnlyList<MetadataChange> Metadata { get; init; } = [];
}

public sealed record VersionSide(long Id, DateTimeOffset CreatedAt, SnapshotStatus Status, string? Reason, string? PageKind);

public enum PartState
{
    Compared,
    Unchanged,
    Missing,
    NotApplicable,
    TooLarge,
}

public sealed record TextComparison(PartState State, string? Message, TextDiffResult? Diff);

/// <summary>Before/After are the screenshot file names (the API turns them into URLs).</summary>
public sealed record ScreenshotComparison(PartState State, string? Message, ScreenshotDiffResult? Diff, string? BeforeFile, string? AfterFile);

/// <summary>The stored file of a non-HTML link (PDF, image, ...): same bytes or not, sizes and image dimensions.</summary>
public sealed record FileComparison(
    PartState State, string Message, string? BeforeContentType, string? AfterContentType, long BeforeBytes, long AfterBytes, string? BeforeDimensions, string? AfterDimensions);

public sealed record MetadataChange(string Field, string? Before, string? After)
{
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}
