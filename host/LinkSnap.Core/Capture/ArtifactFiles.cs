namespace LinkSnap.Core.Capture;

/// <summary>Fixed file names of a snapshot's artifacts inside its folder.</summary>
public static class ArtifactFiles
{
    public const string Html = "page.html";
    public const string Screenshot = "screenshot.png";
    public const string Thumbnail = "thumbnail.webp";
    public const string Pdf = "page.pdf";
    public const string ArticleHtml = "article.html";
    public const string ArticleText = "article.txt";

    /// <summary>Web archive (WACZ 1.1.1) of a fresh capture's HTTP exchanges.</summary>
    public const string Wacz = "archive.wacz";

    /// <summary>"favicon." plus the icon's own extension (ico, png, svg, ...).</summary>
    public const string FaviconBase = "favicon";

    /// <summary>"original." plus the extension of the stored non-HTML file (pdf, png, txt, ...).</summary>
    public const string OriginalBase = "original";
}
