using AngleSharp;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// Converts an MHTML snapshot into ONE HTML document that opens offline in any browser without a
/// single network request: resources inlined as data: URIs, stylesheets as &lt;style&gt;, frames as
/// srcdoc, scripts removed, and a Content-Security-Policy that allows only inlined data.
/// </summary>
public static class SelfContainedHtml
{
    /// <summary>The self-contained document for an MHTML snapshot of <paramref name="pageUrl"/>.</summary>
    /// <exception cref="FormatException">The text is not an MHTML document with an HTML part.</exception>
    public static string FromMhtml(string mhtml, Uri pageUrl) => Convert(mhtml, pageUrl, new InliningOptions()).Html;

    /// <summary>
    /// As <see cref="FromMhtml(string, Uri)"/>, with limits, counts, and the resources the page
    /// loaded that MHTML leaves out (web fonts; see <see cref="SubresourceRecorder"/>).
    /// </summary>
    public static InliningResult Convert(string mhtml, Uri pageUrl, InliningOptions options, IReadOnlyCollection<CapturedResource>? captured = null)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        ArgumentNullException.ThrowIfNull(options);
        var archive = MhtmlArchive.Parse(mhtml);
        foreach (var resource in captured ?? [])
        {
            archive.AddCaptured(resource);
        }

        var context = new InliningContext(archive, options);
        var documentUrl = archive.Root.Location is { } location
            && Uri.TryCreate(location, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : pageUrl;
        var document = new DocumentConverter(context, depth: 0).Convert(RootHtml(archive.Root), documentUrl);
        if (options.RecordOrigin)
        {
            ContentPolicy.RecordOrigin(document, pageUrl, archive.Date);
        }

        return new InliningResult(document.ToHtml(), context.Stats);
    }

    /// <summary>
    /// Another document made from the page (the reader view) through the same converter as the saved copy:
    /// scripts, handlers, script URLs, ping and meta refresh removed, media inlined from the page's MHTML
    /// snapshot when it holds them and dropped otherwise, and the same Content-Security-Policy.
    /// </summary>
    public static string ConvertDerived(string html, Uri pageUrl, string? mhtml, IReadOnlyCollection<CapturedResource>? captured)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);
        // Without the page's snapshot nothing can be inlined: an archive of one empty part drops every load.
        var archive = MhtmlArchive.Parse(string.IsNullOrEmpty(mhtml) ? "MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<html></html>\r\n" : mhtml);
        foreach (var resource in captured ?? [])
        {
            archive.AddCaptured(resource);
        }

        return new DocumentConverter(new InliningContext(archive, new InliningOptions()), depth: 0).Convert(html, pageUrl).ToHtml();
    }

    // A snapshot of an image or text document: show it the way the browser did.
    private static string RootHtml(ArchivePart root)
    {
        if (root.IsHtml)
        {
            return root.GetText();
        }

        if (root.MimeType.StartsWith("image/", StringComparison.Ordinal))
        {
            return "<!DOCTYPE html><html><body><img src=\"" + root.DataUri + "\"></body></html>";
        }

        var text = System.Net.WebUtility.HtmlEncode(root.GetText());
        return "<!DOCTYPE html><html><body><pre>" + text + "</pre></body></html>";
    }
}
