using System.Globalization;
using System.Text;

namespace LinkSnap.Core.Search;

/// <summary>
/// The tokens the search table's tokenizer (FTS5 unicode61, remove_diacritics 2) sees in a text: runs
/// of letters, digits and private-use characters; everything else, U+200B included, separates them.
/// Tokens compare case-folded and without diacritics, one folded character per UTF-16 unit, so a
/// token's folded form has its length and matching needs no allocation.
/// </summary>
public static class SearchTokens
{
    // Folded form of each UTF-16 unit outside ASCII, filled on first use ('\0': not yet computed).
    private static readonly char[] FoldCache = new char[char.MaxValue + 1];

    /// <summary>The [start, end) ranges of the tokens of <paramref name="text"/>.</summary>
    public static List<(int Start, int End)> Find(string text)
    {
        var tokens = new List<(int Start, int End)>();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsTokenChar(text, i))
            {
                start = start < 0 ? i : start;
            }
            else if (start >= 0)
            {
                tokens.Add((start, i));
                start = -1;
            }
        }

        if (start >= 0)
        {
            tokens.Add((start, text.Length));
        }

        return tokens;
    }

    /// <summary>The folded tokens of <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Folded(string text) =>
        Find(text).Select(r => new string(text[r.Start..r.End].Select(Fold).ToArray())).ToList();

    /// <summary>Whether the token at [start, end) of <paramref name="text"/> is <paramref name="folded"/>, or starts with it.</summary>
    public static bool Matches(string text, int start, int end, string folded, bool prefix)
    {
        var length = end - start;
        if (length < folded.Length || (!prefix && length != folded.Length))
        {
            return false;
        }

        for (var i = 0; i < folded.Length; i++)
        {
            if (Fold(text[start + i]) != folded[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTokenChar(string text, int i)
    {
        if (text[i] < 128)
        {
            return char.IsAsciiLetterOrDigit(text[i]);
        }

        // Both halves of a surrogate pair take the category of the pair.
        var at = char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]) ? i - 1 : i;
        return CharUnicodeInfo.GetUnicodeCategory(text, at) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.PrivateUse => true,
            _ => false,
        };
    }

    private static char Fold(char c)
    {
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        var folded = FoldCache[c];
        if (folded == '\0')
        {
            // The first unit of the canonical decomposition is the letter without its accents ("é" → "e").
            var decomposed = char.IsSurrogate(c) ? c.ToString() : c.ToString().Normalize(NormalizationForm.FormD);
            folded = FoldCache[c] = char.ToLowerInvariant(decomposed[0]);
        }

        return folded;
    }
}
