using System.Text;

namespace LinkSnap.Core.Search;

/// <summary>
/// Turns what a person typed into an FTS5 MATCH expression. User text is never passed through as
/// FTS5 syntax (a stray quote or "c++" would be a syntax error): each whitespace-separated term
/// becomes a quoted phrase, segmented like the index, matched as a prefix so search-as-you-type works.
/// Terms are ANDed. A term ending in a CJK character is matched exactly: that character is a token of
/// its own, so as a prefix it would match only itself, and FTS5 answers a prefix query by merging the
/// lists of every term it could start, which is slow for a character found in thousands of links.
/// </summary>
public static class SearchQuery
{
    /// <summary>The MATCH expression, or null when the text holds nothing searchable (only punctuation).</summary>
    public static string? ToMatchExpression(string? text)
    {
        var phrases = Terms(text)
            .Select(t => "\"" + t.Segmented.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (t.Prefix ? "*" : ""))
            .ToList();
        return phrases.Count == 0 ? null : string.Join(" AND ", phrases);
    }

    /// <summary>The same phrases as the MATCH expression, as the tokens the index holds (for snippets).</summary>
    public static IReadOnlyList<SearchPhrase> Phrases(string? text) =>
        Terms(text)
            .Select(t => new SearchPhrase(SearchTokens.Folded(t.Segmented), t.Prefix))
            .Where(p => p.Tokens.Count > 0)
            .ToList();

    private static IEnumerable<(string Segmented, bool Prefix)> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        foreach (var term in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (term.EnumerateRunes().Any(Rune.IsLetterOrDigit))
            {
                yield return (SearchText.Segment(term), !EndsInCjk(term));
            }
        }
    }

    private static bool EndsInCjk(string term)
    {
        var last = term.EnumerateRunes().LastOrDefault(Rune.IsLetterOrDigit);
        return SearchText.IsCjk(last.Value);
    }
}

/// <summary>One quoted phrase of a query: its tokens, folded; with <see cref="Prefix"/> the last one matches as a prefix.</summary>
public sealed record SearchPhrase(IReadOnlyList<string> Tokens, bool Prefix);
