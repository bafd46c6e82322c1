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
    public string? PublishedTime { get; init; }

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
}
