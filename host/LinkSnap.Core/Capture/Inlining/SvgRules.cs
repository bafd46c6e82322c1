using AngleSharp.Dom;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// SVG content: &lt;image&gt;/&lt;feImage&gt; are inlined, &lt;a&gt; keeps an absolute link, in-document
/// references (#id) stay, and any other external reference (use, gradients, patterns pointing at
/// other files) is removed. Presentation attributes with url(...) are rewritten like CSS.
/// </summary>
internal sealed class SvgRules(InliningContext context, Uri baseUri)
{
    private static readonly string[] PaintAttributes =
        ["fill", "stroke", "filter", "mask", "clip-path", "marker-start", "marker-mid", "marker-end", "cursor"];

    public void Apply(IElement element)
    {
        if (element.LocalName == "style")
        {
            var css = element.TextContent;
            var rewritten = context.RewriteCss(css, baseUri);
            if (!ReferenceEquals(css, rewritten))
            {
                element.TextContent = CssRewriter.ForStyleElement(rewritten);
            }

            return;
        }

        foreach (var attribute in element.Attributes.Where(a => a.LocalName == "href").ToList())
        {
            Href(element, attribute);
        }

        foreach (var name in PaintAttributes)
        {
            if (element.GetAttribute(name) is { } value && value.Contains("url(", StringComparison.OrdinalIgnoreCase))
            {
                element.SetAttribute(name, context.RewriteCss(value, baseUri, allowVariables: false));
            }
        }
    }

    private void Href(IElement element, IAttr attribute)
    {
        var value = attribute.Value;
        if (value.Length == 0 || value.TrimStart().StartsWith('#'))
        {
            return;
        }

        string? replacement = element.LocalName switch
        {
            "image" or "feImage" => context.ResourceUri(baseUri, value),
            "a" => UrlKeys.Resolve(baseUri, value)?.AbsoluteUri,
            _ => null,
        };
        if (replacement is null && element.LocalName is not ("image" or "feImage" or "a"))
        {
            context.Missing++;
        }

        if (replacement is not null)
        {
            attribute.Value = replacement;
        }
        else if (attribute.NamespaceUri is { Length: > 0 } ns)
        {
            element.RemoveAttribute(ns, attribute.LocalName);
        }
        else
        {
            element.RemoveAttribute(attribute.Name);
        }
    }
}
