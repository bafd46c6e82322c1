using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>
/// Makes the DOM a user's tab sent render in the capture browser as it did in the tab. The tab ran
/// with scripts on, so its <c>&lt;noscript&gt;</c> held inert text; the capture renders with
/// scripts off, where the same markup would come alive (a meta refresh inside it fired and took
/// the capture elsewhere, its images loaded). Noscript content is therefore kept as text (hidden,
/// as the tab showed it) and meta refreshes are removed: the capture renders the sent document only.
/// </summary>
internal static class AsSeenDocument
{
    public static string Disarm(string html)
    {
        // Parsed as the tab parsed it: scripting on, so noscript content is one text node.
        var document = new HtmlParser(new HtmlParserOptions { IsScripting = true }).ParseDocument(html);
        foreach (var refresh in document.QuerySelectorAll("meta[http-equiv]")
            .Where(m => string.Equals(m.GetAttribute("http-equiv")?.Trim(), "refresh", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            refresh.Remove();
        }

        foreach (var noscript in document.QuerySelectorAll("noscript").ToList())
        {
            // A new element is serialized with its text escaped, which the original (raw text) is not.
            var inert = document.CreateElement("noscript");
            inert.SetAttribute("hidden", "");
            inert.TextContent = noscript.TextContent;
            noscript.Replace(inert);
        }

        return document.ToHtml();
    }
}
