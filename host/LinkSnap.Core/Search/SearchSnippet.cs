using System.Net;

namespace LinkSnap.Core.Search;

/// <summary>Turns an FTS5 snippet() result (hits between \u0001 and \u0002) into safe HTML with &lt;mark&gt;.</summary>
public static class SearchSnippet
{
    public const string Open = "\u0001";
    public const string Close = "\u0002";

    public static string ToHtml(string raw)
    {
        var text = SearchText.Unsegment(raw)
            .Replace(Close + Open, "", StringComparison.Ordinal); // one mark for adjacent hits (CJK words)
        var escaped = WebUtility.HtmlEncode(text);
        return escaped
            .Replace(Open, "<mark>", StringComparison.Ordinal)
            .Replace(Close, "</mark>", StringComparison.Ordinal);
    }
}
