using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// Shadow DOM survives in the copy as declarative shadow roots (&lt;template shadowrootmode&gt;),
/// which browsers attach while parsing, scripts off. AngleSharp attaches them too and then would not
/// serialize them, so they are turned back into templates before the element is processed.
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

        if (element.ShadowRoot is not { } shadow || element.Owner is not { } document)
        {
            return;
        }

        var restored = (IHtmlTemplateElement)document.CreateElement("template");
        restored.SetAttribute("shadowrootmode", shadow.Mode == ShadowRootMode.Closed ? "closed" : "open");
        foreach (var child in shadow.ChildNodes.ToArray())
        {
            restored.Content.AppendChild(child);
        }

        element.InsertBefore(restored, element.FirstChild);
    }
}
