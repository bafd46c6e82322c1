namespace LinkSnap.Core.Capture;

/// <summary>What is known about the captured page. Every field is optional: pages rarely have all of it.</summary>
public sealed record PageMetadata
{
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public string? SiteName { get; init; }
    public string? Language { get; init; }
    public string? Description { get; init; }
    public string? Excerpt { get; init; }
    /// <summary>ISO 8601 with the precision the page gave: a day, a local time, or an instant with its offset.</summary>
    public string? PublishedTime { get; init; }

    public string? ModifiedTime { get; init; }

    /// <summary>Absolute URL of the page's lead image (og:image, JSON-LD image, …).</summary>
    public string? LeadImageUrl { get; init; }

    /// <summary>Which source won each field the metadata layer decided ("title" → "og:title", "byline" → "json-ld author", …).</summary>
    public IReadOnlyDictionary<string, string>? Sources { get; init; }

    /// <summary>Absolute URL of the favicon as the page declared it; the file itself is a "favicon" artifact.</summary>
    public string? FaviconUrl { get; init; }

    public string? CanonicalUrl { get; init; }
    public string? FinalUrl { get; init; }

    /// <summary>Every URL passed through before FinalUrl, in order.</summary>
    public IReadOnlyList<string> Redirects { get; init; } = [];

    public int? HttpStatus { get; init; }
    public string? ContentType { get; init; }

    /// <summary>"html", "pdf", "image", "text" or "download".</summary>
    public string? PageKind { get; init; }

    /// <summary>Bytes of the main document as received.</summary>
    public long? ContentBytes { get; init; }

    /// <summary>sha256 (hex) of the main artifact's content, to tell whether a recapture changed anything.</summary>
    public string? ContentHash { get; init; }

    /// <summary>True when the page looks like a bot challenge or an error page rather than the content.</summary>
    public bool IsChallengeOrError { get; init; }

    /// <summary>What the capture quality guard found (flags with reasons and actions); null for non-HTML and older captures.</summary>
    public Quality.CaptureQuality? Quality { get; init; }
}
