using AngleSharp.Dom;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// &lt;link&gt;: stylesheets become &lt;style&gt; elements in place (cascade order kept), icons are
/// inlined, plain relations (canonical, alternate...) keep an absolute href, and everything that
/// fetches ahead (preload, prefetch, preconnect, modulepreload, manifest...) is removed.
/// </summary>
internal sealed class LinkRules(InliningContext context, Uri baseUri)
{
    private static readonly HashSet<string> IconRelations = new(StringComparer.Ordinal)
    {
        "icon", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon", "fluid-icon",
    };

    // Relations a browser never fetches by itself: metadata worth keeping for readers and tools.
    private static readonly HashSet<string> InertRelations = new(StringComparer.Ordinal)
    {
        "canonical", "alternate", "author", "license", "next", "prev", "bookmark", "help", "me", "shortlink", "search", "tag",
    };

    /// <summary>Always false: the link is replaced or removed, or has nothing to visit inside.</summary>
    public bool Apply(IElement link)
    {
        var rel = (link.GetAttribute("rel") ?? "").ToLowerInvariant()
            .Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries);
        var href = link.GetAttribute("href");
        if (rel.Contains("stylesheet"))
        {
            Stylesheet(link, rel, href);
        }
        else if (rel.Any(IconRelations.Contains) && href is not null)
        {
            if (context.ResourceUri(baseUri, href) is { } uri)
            {
                link.SetAttribute("href", uri);
            }
            else
            {
                link.Remove();
            }
        }
        else if (rel.Length > 0 && rel.All(InertRelations.Contains) && href is not null)
        {
            if (UrlKeys.Resolve(baseUri, href) is { Scheme: "http" or "https" } url)
            {
                link.SetAttribute("href", url.AbsoluteUri);
            }
            else
            {
                link.Remove();
            }
        }
        else
        {
            link.Remove();
        }

        return false;
    }

    private void Stylesheet(IElement link, string[] rel, string? href)
    {
        // Alternate and disabled sheets do not apply to what the reader saw.
        var part = rel.Contains("alternate") || link.HasAttribute("disabled") || href is null
            ? null
            : context.FindPart(baseUri, href);
        if (part is null)
        {
            link.Remove();
            return;
        }

        var style = link.Owner!.CreateElement("style");
        foreach (var name in new[] { "media", "title" })
        {
            if (link.GetAttribute(name) is { } value)
            {
                style.SetAttribute(name, value);
            }
        }

        style.TextContent = CssRewriter.ForStyleElement(context.StylesheetText(part, baseUri));
        link.Replace(style);
    }
}
