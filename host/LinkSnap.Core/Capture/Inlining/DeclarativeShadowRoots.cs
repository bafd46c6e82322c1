using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// Shadow DOM survives in the copy as declarative shadow roots (&lt;template shadowrootmode&gt;),
/// which browsers attach while parsing, scripts off. AngleSharp attaches them too and then would not
/// serialize them, so they are turned back into templates before the element is processed.
/// The CSS that Chromium's MHTML left out of shadow roots (see <see cref="SnapshotPreparation"/>)
/// goes back in as a &lt;style&gt; at the start of the root.
/// </summary>
internal static class DeclarativeShadowRoots
{
    public static void Restore(IElement element)
    {
        if (element is IHtmlTemplateElement template && template.GetAttribute("shadowmode") is { } legacy && !template.HasAttribute("shadowrootmode"))
        {
            // Older Chromium MHTML wrote its own attribute name; browsers know only the standard one.
            template.SetAttribute("shadowrootmode", legacy);
            template.RemoveAttribute("shadowmode");
            return;
        }

        if (element.Owner is not { } document)
        {
            return;
        }

        IHtmlTemplateElement? restored = null;
        if (element.ShadowRoot is { } shadow)
        {
            restored = (IHtmlTemplateElement)document.CreateElement("template");
            restored.SetAttribute("shadowrootmode", shadow.Mode == ShadowRootMode.Closed ? "closed" : "open");
            foreach (var child in shadow.ChildNodes.ToArray())
            {
                restored.Content.AppendChild(child);
            }

            element.InsertBefore(restored, element.FirstChild);
        }

        if (element.GetAttribute(SnapshotPreparation.ShadowCssAttribute) is not { } css)
        {
            return;
        }

        element.RemoveAttribute(SnapshotPreparation.ShadowCssAttribute);
        var root = restored ?? element.Children.OfType<IHtmlTemplateElement>()
            .FirstOrDefault(t => t.HasAttribute("shadowrootmode") || t.HasAttribute("shadowmode"));
        if (root is not null)
        {
            var style = document.CreateElement("style");
            style.TextContent = css;
            root.Content.InsertBefore(style, root.Content.FirstChild);
        }
    }
}
