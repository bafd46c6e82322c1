using AngleSharp.Dom;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// The head every converted document starts with: a Content-Security-Policy that allows nothing
/// but inlined data (so even a missed reference cannot reach the network, and no script can run),
/// then the UTF-8 declaration.
/// </summary>
internal static class ContentPolicy
{
    public const string Policy =
        "default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; font-src data:; media-src data:; "
        + "frame-src data: about:; child-src data: about:; form-action 'none'; base-uri 'none'";

    public static void Apply(IDocument document)
    {
        IElement? head = document.Head;
        if (head is null)
        {
            head = document.CreateElement("head");
            document.DocumentElement.InsertBefore(head, document.DocumentElement.FirstChild);
        }

        var csp = document.CreateElement("meta");
        csp.SetAttribute("http-equiv", "Content-Security-Policy");
        csp.SetAttribute("content", Policy);
        var charset = document.CreateElement("meta");
        charset.SetAttribute("charset", "utf-8");
        head.InsertBefore(charset, head.FirstChild);
        head.InsertBefore(csp, head.FirstChild);
    }

    /// <summary>Records where and when the page was saved: a comment before &lt;html&gt; and two meta elements.</summary>
    public static void RecordOrigin(IDocument document, Uri pageUrl, DateTimeOffset? captured)
    {
        var url = pageUrl.AbsoluteUri;
        var when = captured?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var comment = document.CreateComment(
            " Saved by LinkSnap from " + url.Replace("--", "-%2D", StringComparison.Ordinal) + (when is null ? " " : " at " + when + " "));
        document.InsertBefore(comment, document.DocumentElement);
        var head = document.Head!;
        var anchor = head.Children.Length > 1 ? head.Children[1].NextSibling : null;
        head.InsertBefore(Meta(document, "linksnap:source-url", url), anchor);
        if (when is not null)
        {
            head.InsertBefore(Meta(document, "linksnap:captured-at", when), anchor);
        }
    }

    private static IElement Meta(IDocument document, string name, string content)
    {
        var meta = document.CreateElement("meta");
        meta.SetAttribute("name", name);
        meta.SetAttribute("content", content);
        return meta;
    }
}
