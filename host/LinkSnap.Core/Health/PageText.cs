using System.Globalization;
using System.Text;
using AngleSharp.Html.Parser;
using LinkSnap.Core.Capture.Fetching;

namespace LinkSnap.Core.Health;

/// <summary>
/// The readable words of a (capped) HTML answer and how alike two such texts are: enough to tell a
/// site's "not found" template from a real page without rendering anything.
/// </summary>
internal static class PageText
{
    public sealed record Page(string Title, string Text);

    public static Page Read(byte[] body, string? charset)
    {
        var html = HtmlDecoder.Decode(body, charset, isHtml: true).Text;
        var document = new HtmlParser().ParseDocument(html);
        foreach (var hidden in document.QuerySelectorAll("script, style, noscript, template").ToList())
        {
            hidden.Remove();
        }

        var title = Collapse(document.Title ?? "");
        return new Page(title, Collapse(title + " " + (document.Body?.TextContent ?? "")));
    }

    /// <summary>Jaccard similarity of the texts' word pairs (CJK characters count as words): 1 is the same text.</summary>
    public static double Similarity(string a, string b)
    {
        var x = Pairs(a);
        var y = Pairs(b);
        if (x.Count == 0 && y.Count == 0)
        {
            return 1;
        }

        var shared = x.Count(y.Contains);
        return (double)shared / (x.Count + y.Count - shared);
    }

    private static HashSet<string> Pairs(string text)
    {
        var words = Words(text);
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            pairs.Add(i + 1 < words.Count ? words[i] + " " + words[i + 1] : words[i]);
        }

        return pairs;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (IsCjk(c))
            {
                Flush();
                words.Add(c.ToString());
            }
            else if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }

    private static bool IsCjk(char c) =>
        char.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c >= '\u2E80';

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
