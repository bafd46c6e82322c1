using System.Net;
using AngleSharp.Html.Parser;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>The facts the reader view states once above the article.</summary>
internal sealed record ReaderHeading(string? Title, string? Author, string? SiteName, string? Published, string? Lang, string? Dir);

/// <summary>
/// The reader view (article.html): the title, one line with author, site and date, then the article.
/// Bylines, datelines and a repeated title left at the top of the article are dropped, so the
/// reader view states each fact once.
/// </summary>
internal static class ReaderDocument
{
    private const int TopBlocks = 6;

    public static string Build(ReaderHeading heading, string content)
    {
        var title = WebUtility.HtmlEncode(heading.Title ?? "");
        var facts = new[] { heading.Author, heading.SiteName, heading.Published is { Length: >= 10 } p ? p[..10] : null }.Where(f => !string.IsNullOrWhiteSpace(f)).ToList();
        var byline = facts.Count > 0 ? $"<p class=\"byline\">{string.Join(" · ", facts.Select(f => WebUtility.HtmlEncode(f!)))}</p>\n" : "";
        var lang = WebUtility.HtmlEncode(heading.Lang ?? "");
        var dir = heading.Dir is { } d ? $" dir=\"{WebUtility.HtmlEncode(d)}\"" : "";
        return $"<!DOCTYPE html>\n<html lang=\"{lang}\"{dir}>\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n</head>\n<body>\n<article>\n<h1>{title}</h1>\n{byline}{WithoutRepeats(content, heading)}\n</article>\n</body>\n</html>\n";
    }

    /// <summary>The content without the short blocks at its top that repeat the title or the byline.</summary>
    internal static string WithoutRepeats(string content, ReaderHeading heading)
    {
        var parser = new HtmlParser();
        var body = parser.ParseDocument("<!DOCTYPE html><body>" + content).Body!;
        var blocks = body.QuerySelectorAll("h1, h2, p, div, span, address").Where(e => e.Children.Length == 0 || e.Children.All(c => c.LocalName is "a" or "span" or "time" or "strong" or "b" or "em")).Take(TopBlocks).ToList();
        var removed = false;
        foreach (var block in blocks)
        {
            var text = Squash(block.TextContent);
            if (text.Length == 0)
            {
                continue;
            }

            var isTitle = heading.Title is not null && text == Squash(heading.Title);
            var author = heading.Author is null ? "" : Squash(heading.Author);
            var isByline = author.Length > 0 && text.Contains(author, StringComparison.Ordinal) && text.Length <= author.Length + 60;
            if (isTitle || isByline)
            {
                block.Remove();
                removed = true;
            }
        }

        return removed ? body.InnerHtml : content;
    }

    private static string Squash(string text) => string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
