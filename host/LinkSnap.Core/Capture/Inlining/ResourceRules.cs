using AngleSharp.Dom;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// The HTML elements that load a subresource (images, media, backgrounds) or navigate (links,
/// forms). Loads become data: URIs or go away; navigation becomes absolute but inert where it
/// would send data.
/// </summary>
internal sealed class ResourceRules(InliningContext context, Uri baseUri)
{
    /// <summary>False when the element is gone (its content is then not visited).</summary>
    public bool Apply(IElement element)
    {
        switch (element.LocalName)
        {
            case "img":
                Image(element);
                break;
            case "source" when element.ParentElement?.LocalName == "picture":
                // Left for the picture's img, which takes the one resource the archive holds.
                return false;
            case "source" or "track":
                if (!Inline(element, "src"))
                {
                    element.Remove();
                    return false;
                }

                element.RemoveAttribute("srcset");
                break;
            case "input":
                if (string.Equals(element.GetAttribute("type"), "image", StringComparison.OrdinalIgnoreCase))
                {
                    Inline(element, "src");
                }

                element.RemoveAttribute("formaction");
                break;
            case "video":
                Inline(element, "poster");
                Inline(element, "src");
                break;
            case "audio":
                Inline(element, "src");
                break;
            case "a" or "area":
                Absolute(element, "href");
                break;
            case "form":
                // Submitting would send the reader's input to the site; the policy also forbids it.
                element.RemoveAttribute("action");
                break;
            case "button":
                element.RemoveAttribute("formaction");
                break;
            case "canvas":
                Canvas(element);
                break;
        }

        if (element.HasAttribute("background"))
        {
            Inline(element, "background");
        }

        return true;
    }

    /// <summary>
    /// src, srcset and the picture's sources collapse to the one resource the archive has (Chromium
    /// archives only what it displayed and points src at it).
    /// </summary>
    private void Image(IElement img)
    {
        var candidates = new List<string>();
        img.RemoveAttribute(SnapshotPreparation.PlaceholderAttribute);
        if (img.GetAttribute(SnapshotPreparation.CurrentSourceAttribute) is { Length: > 0 } current)
        {
            candidates.Add(current);
            img.RemoveAttribute(SnapshotPreparation.CurrentSourceAttribute);
        }

        if (img.GetAttribute("src") is { Length: > 0 } src)
        {
            candidates.Add(src);
        }

        if (img.ParentElement is { LocalName: "picture" } picture)
        {
            foreach (var source in picture.Children.Where(c => c.LocalName == "source"))
            {
                candidates.AddRange(Srcset.Urls(source.GetAttribute("srcset")));
                if (source.GetAttribute("src") is { Length: > 0 } sourceSrc)
                {
                    candidates.Add(sourceSrc);
                }
            }
        }

        candidates.AddRange(Srcset.Urls(img.GetAttribute("srcset")));
        img.RemoveAttribute("srcset");
        img.RemoveAttribute("sizes");
        foreach (var source in img.ParentElement is { LocalName: "picture" } parent ? parent.Children.Where(c => c.LocalName == "source").ToList() : [])
        {
            source.Remove();
        }

        img.RemoveAttribute("loading");
        foreach (var attribute in new[] { "lowsrc", "dynsrc", "longdesc" })
        {
            img.RemoveAttribute(attribute);
        }

        var missing = context.Missing;
        foreach (var candidate in candidates)
        {
            if (context.ResourceUri(baseUri, candidate) is { } uri)
            {
                // Earlier candidates that were not archived are not missing: the browser never needed them.
                context.Missing = missing;
                img.SetAttribute("src", uri);
                return;
            }
        }

        context.Missing = missing + Math.Min(1, candidates.Count);
        img.RemoveAttribute("src");
    }

    /// <summary>
    /// A canvas without scripts is transparent: the pixels captured by <see cref="SnapshotPreparation"/>
    /// become its background, stretched to its box like the bitmap was.
    /// </summary>
    private static void Canvas(IElement canvas)
    {
        var pixels = canvas.GetAttribute(SnapshotPreparation.CanvasAttribute);
        canvas.RemoveAttribute(SnapshotPreparation.CanvasAttribute);
        if (pixels is null || !pixels.StartsWith("data:image/", StringComparison.Ordinal) || pixels.AsSpan().IndexOfAny("\"'()") >= 0)
        {
            return;
        }

        var style = canvas.GetAttribute("style") is { Length: > 0 } existing ? existing.TrimEnd().TrimEnd(';') + "; " : "";
        canvas.SetAttribute("style", style + "background: url(\"" + pixels + "\") 0 0 / 100% 100% no-repeat");
    }

    /// <summary>Replaces a URL attribute with the inlined resource; removes it when not archived.</summary>
    public bool Inline(IElement element, string attribute)
    {
        var value = element.GetAttribute(attribute);
        if (value is null)
        {
            return false;
        }

        var uri = value.Trim().Length == 0 ? null : context.ResourceUri(baseUri, value);
        if (uri is null)
        {
            element.RemoveAttribute(attribute);
            return false;
        }

        element.SetAttribute(attribute, uri);
        return true;
    }

    /// <summary>Makes a navigation URL absolute; in-page (#...) and empty ones stay as they are.</summary>
    private void Absolute(IElement element, string attribute)
    {
        var value = element.GetAttribute(attribute);
        if (value is null || value.Length == 0 || value.StartsWith('#'))
        {
            return;
        }

        if (UrlKeys.Resolve(baseUri, value) is { } url && url.OriginalString != value)
        {
            element.SetAttribute(attribute, url.AbsoluteUri);
        }
    }
}
