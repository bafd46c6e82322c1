using System.Text.Json;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>What <see cref="PageScripts.Facts"/> reads from the page.</summary>
internal sealed record PageFacts
{
    public string? Title { get; init; }
    public string? Lang { get; init; }
    public string? Description { get; init; }
    public string? SiteName { get; init; }
    public string? Published { get; init; }
    public string? Author { get; init; }
    public string? Canonical { get; init; }
    public string? Icon { get; init; }
    public string Text { get; init; } = "";
    public int TextLength { get; init; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>What Mozilla Readability returned for the page.</summary>
internal sealed record ArticleData
{
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public string? Dir { get; init; }
    public string? Lang { get; init; }
    public string? Content { get; init; }
    public string? TextContent { get; init; }
    public string? Excerpt { get; init; }
    public string? SiteName { get; init; }
    public string? PublishedTime { get; init; }
}
