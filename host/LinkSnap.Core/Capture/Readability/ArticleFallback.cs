namespace LinkSnap.Core.Capture.Readability;

/// <summary>
/// When Readability's result is the page's article, and what text stands in for it when it is not.
/// One rule for the engine and the benchmark (which runs these very strings and methods).
/// </summary>
public static class ArticleFallback
{
    /// <summary>How much of the page's text is kept (for search) when there is no article.</summary>
    public const int FallbackLength = 4000;

    /// <summary>
    /// A function expression returning <c>{ text, length }</c>: the visible text of the page's main
    /// container (<c>&lt;main&gt;</c>, <c>[role=main]</c> or its only <c>&lt;article&gt;</c>) when it has
    /// one with some text, else of the whole body — so a page without an article does not fall back
    /// to its menus when it marks where its content is — cut to <see cref="FallbackLength"/>; and the
    /// length of the whole body's text, which a real article is compared with.
    /// </summary>
    public const string PageTextScript = """
        () => {
          const body = document.body ? document.body.innerText || '' : '';
          const articles = document.querySelectorAll('article');
          const main = document.querySelector('main, [role=main]') || (articles.length === 1 ? articles[0] : null);
          const mainText = main ? main.innerText || '' : '';
          return { text: (mainText.trim().length >= 200 ? mainText : body).slice(0, 4000), length: body.length };
        }
        """;

    /// <summary>
    /// On portals and index pages Readability may return a scrap ("en"); a real article is either long
    /// enough or most of the page. "Long enough" is 200 Latin characters — about 35 words; a Han, kana or
    /// Hangul character carries about as much as three of them, so a short Chinese news item of 70
    /// characters is an article too, and its page's menus (which may well be longer) are not.
    /// </summary>
    public static bool IsSubstantial(string? articleText, int pageTextLength)
    {
        var text = articleText?.Trim() ?? "";
        return Weight(text) >= 200 || text.Length * 2 >= pageTextLength;
    }

    /// <summary>The article's text when it is one, else the page's main text (<see cref="PageTextScript"/>).</summary>
    public static string Choose(string? articleText, string pageText, int pageTextLength)
    {
        var text = articleText?.Trim() ?? "";
        return IsSubstantial(text, pageTextLength) ? text : pageText[..Math.Min(pageText.Length, FallbackLength)];
    }

    private static int Weight(string text)
    {
        var weight = 0;
        foreach (var c in text)
        {
            weight += IsDense(c) ? 3 : 1;
        }

        return weight;
    }

    /// <summary>Han (incl. extension A and compatibility), kana and Hangul syllables: a word's worth each.</summary>
    private static bool IsDense(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3040' and <= '\u30FF') or (>= '\uAC00' and <= '\uD7AF');
}
