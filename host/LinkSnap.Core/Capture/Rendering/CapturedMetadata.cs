using LinkSnap.Core.Capture.Metadata;
using LinkSnap.Core.Capture.Quality;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>
/// Which source wins for each fact of a captured page: the metadata layer's scan first (decision 055),
/// then the live page's own facts, then Readability's article. Kept apart from <see cref="HtmlPageCapture"/>,
/// which only orders the artifact steps.
/// </summary>
internal static class CapturedMetadata
{
    /// <summary>The facts the reader view states above the article.</summary>
    public static ReaderHeading Heading(MetadataScan? scan, ArticleData? article, PageFacts facts) => new(
        Title(Clean(scan?.Title) ?? Clean(article?.Title) ?? Clean(facts.Title)),
        Clean(scan?.Author),
        Clean(scan?.SiteName),
        Clean(scan?.Published),
        Clean(scan?.Language) ?? Clean(article?.Lang) ?? Clean(facts.Lang),
        article?.Dir);

    /// <summary>The snapshot's metadata from every source, with the quality guard's findings.</summary>
    public static PageMetadata Merge(MetadataScan? scan, PageFacts facts, ArticleData? article, string? faviconUrl, bool challengeOrError, CaptureQuality quality) => new()
    {
        Title = Title(Clean(scan?.Title) ?? Clean(facts.Title) ?? Clean(article?.Title)),
        Byline = Clean(scan?.Author),
        SiteName = Clean(scan?.SiteName) ?? Clean(facts.SiteName),
        Language = Clean(scan?.Language) ?? Clean(facts.Lang) ?? Clean(article?.Lang),
        Description = Clean(scan?.Description) ?? Clean(facts.Description),
        Excerpt = Clean(article?.Excerpt),
        PublishedTime = Clean(scan?.Published),
        ModifiedTime = Clean(scan?.Modified),
        LeadImageUrl = Clean(scan?.Image),
        Sources = scan?.Sources is { Count: > 0 } sources ? sources : null,
        FaviconUrl = faviconUrl,
        CanonicalUrl = Clean(scan?.Canonical) ?? facts.Canonical,
        IsChallengeOrError = challengeOrError,
        Quality = quality,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Title(string? value) => value is null ? null : Storage.LinkTitle.FromPage(value);
}
