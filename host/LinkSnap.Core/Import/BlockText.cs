using System.Text;
using AngleSharp.Dom;

namespace LinkSnap.Core.Import;

/// <summary>
/// The text of an element as a reader sees it: every block (paragraph, heading, list item, table row...) and
/// every &lt;br&gt; ends a line, table cells are apart. DOM TextContent glues adjacent blocks, so an article
/// exported as "&lt;p&gt;tide&lt;/p&gt;&lt;p&gt;moon&lt;/p&gt;" became the one word "tidemoon" in search and in article.txt.
/// Walks with its own stack: an export's HTML is hostile and may nest deeper than the call stack allows.
/// </summary>
public static class BlockText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    };

    private static readonly HashSet<string> Unread = new(StringComparer.Ordinal) { "script", "style", "template", "noscript" };

    public static string Of(INode root)
    {
        var text = new StringBuilder();
        // A node to read, or a separator (string) to write once the element before it is read.
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.TryPop(out var next))
        {
            if (next is string separator)
            {
                text.Append(separator);
                continue;
            }

            var node = (INode)next;
            if (node is IText part)
            {
                text.Append(part.Data);
                continue;
            }

            if (node is IElement { LocalName: "br" })
            {
                text.Append('\n');
                continue;
            }

            var separatorAround = node is IElement element ? SeparatorOf(element) : "";
            if (separatorAround is null)
            {
                continue;
            }

            text.Append(separatorAround);
            pending.Push(separatorAround);
            for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
            {
                pending.Push(node.ChildNodes[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>What goes before and after the element's text; null for an element whose text nobody reads.</summary>
    private static string? SeparatorOf(IElement element) => element.LocalName switch
    {
        var name when Unread.Contains(name) => null,
        "td" or "th" => " ",
        var name when Blocks.Contains(name) => "\n",
        _ => "",
    };
}
