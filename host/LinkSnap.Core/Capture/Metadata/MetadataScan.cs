namespace LinkSnap.Core.Capture.Metadata;

/// <summary>What <see cref="MetadataScript"/> decided; <see cref="Sources"/> names the source that won each field.</summary>
public sealed record MetadataScan
{
    public string? Title { get; init; }
    public string? Author { get; init; }
    public string? Published { get; init; }
    public string? Modified { get; init; }
    public string? SiteName { get; init; }
    public string? Language { get; init; }
    public string? Description { get; init; }
    public string? Image { get; init; }
    public string? Canonical { get; init; }
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();
}
