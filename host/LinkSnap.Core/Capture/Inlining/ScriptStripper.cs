using AngleSharp.Dom;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// Removes everything that runs code or navigates by itself: script elements (HTML and SVG), event
/// handler attributes, script URLs, meta refresh, base, plugins, and SVG animations that could set
/// a script URL. The copy's Content-Security-Policy blocks scripts too; this is the first layer.
/// </summary>
internal sealed class ScriptStripper(InliningContext context)
{
    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "formaction", "data", "poster", "background", "cite", "lowsrc", "dynsrc",
        "longdesc", "usemap", "codebase", "archive", "ping", "xlink:href", "to", "from", "values", "by",
    };

    /// <summary>Removes the element if it is script or plugin; true when removed.</summary>
    public bool RemoveIfUnsafe(IElement element)
    {
        var remove = element.LocalName switch
        {
            "script" => true,
            "base" or "applet" or "embed" or "portal" or "fencedframe" => element.NamespaceUri == NamespaceNames.HtmlUri,
            // Every http-equiv (refresh, CSP, set-cookie, content-type) and charset: the copy declares its own.
            "meta" => element.NamespaceUri == NamespaceNames.HtmlUri && (element.HasAttribute("http-equiv") || element.HasAttribute("charset")),
            "set" or "animate" => element.NamespaceUri == NamespaceNames.SvgUri
                && element.GetAttribute("attributeName") is { } name && name.EndsWith("href", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
        if (remove)
        {
            if (element.LocalName == "script")
            {
                context.ScriptsRemoved++;
            }

            element.Remove();
        }

        return remove;
    }

    /// <summary>Drops on* handlers and script URLs, and the few attributes that make requests by themselves.</summary>
    public void CleanAttributes(IElement element)
    {
        List<IAttr>? doomed = null;
        foreach (var attribute in element.Attributes)
        {
            var name = attribute.LocalName;
            var handler = name.Length > 2 && (name[0] is 'o' or 'O') && (name[1] is 'n' or 'N');
            var scriptUrl = !handler && UrlAttributes.Contains(attribute.Name) && UrlKeys.IsScriptUrl(attribute.Value);
            var requests = name is "ping" or "manifest" or "integrity" or "nonce";
            if (handler || scriptUrl || requests)
            {
                if (handler || scriptUrl)
                {
                    context.ScriptsRemoved++;
                }

                (doomed ??= []).Add(attribute);
            }
        }

        if (doomed is null)
        {
            return;
        }

        foreach (var attribute in doomed)
        {
            if (attribute.NamespaceUri is { Length: > 0 } ns)
            {
                element.RemoveAttribute(ns, attribute.LocalName);
            }
            else
            {
                element.RemoveAttribute(attribute.Name);
            }
        }
    }
}
