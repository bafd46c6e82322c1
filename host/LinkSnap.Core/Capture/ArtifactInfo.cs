namespace LinkSnap.Core.Capture;

/// <summary>One file of a snapshot (or why it is missing). FileName is relative to the snapshot folder.</summary>
public sealed record ArtifactInfo(
    string Kind,
    string? FileName,
    ArtifactStatus Status,
    long Bytes = 0,
    string? ContentType = null,
    string? Error = null);

public enum ArtifactStatus
{
    Ok,
    Failed,
    Skipped,
}

/// <summary>The artifact kinds a snapshot can have.</summary>
public static class ArtifactKinds
{
    /// <summary>Self-contained HTML copy: everything inlined, scripts removed.</summary>
    public const string Html = "html";
    public const string Screenshot = "screenshot";
    public const string Thumbnail = "thumbnail";
    public const string Pdf = "pdf";
    public const string ArticleHtml = "article-html";
    public const string ArticleText = "article-text";
    public const string Favicon = "favicon";

    /// <summary>Every HTTP exchange of a fresh capture as WARC records, packaged as WACZ.</summary>
    public const string Wacz = "wacz";

    /// <summary>A non-HTML target (PDF, image, text, download) stored as itself.</summary>
    public const string Original = "original";
}
