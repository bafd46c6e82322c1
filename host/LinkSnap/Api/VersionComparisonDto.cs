using LinkSnap.Core.Versions;

namespace LinkSnap.Api;

/// <summary>A <see cref="VersionComparison"/> with the screenshots' API URLs, so the library can show them side by side.</summary>
public sealed record VersionComparisonDto(
    VersionSide Before, VersionSide After, string Summary, ChangeFacts Changes, IReadOnlyList<string> Notices, TextComparison Text,
    ScreenshotComparison? Screenshot, string? BeforeScreenshotUrl, string? AfterScreenshotUrl, FileComparison? File, IReadOnlyList<MetadataChange> Metadata)
{
    public static VersionComparisonDto From(VersionComparison c) => new(
        c.Before, c.After, c.Summary, c.Changes, c.Notices, c.Text, c.Screenshot,
        c.Screenshot?.BeforeFile is { } a ? ArtifactDto.FilePath(c.Before.Id, a) : null,
        c.Screenshot?.AfterFile is { } b ? ArtifactDto.FilePath(c.After.Id, b) : null,
        c.File, c.Metadata);
}
