using System.Globalization;
using System.Text;

namespace LinkSnap.Bench.Scoring;

/// <summary>
/// Splits text into the tokens of Python's <c>re.findall(r'\w+', text)</c>, which the
/// article-extraction benchmark's own scorer uses. Python's \w is "alphanumeric or underscore"
/// (letters, any numeric category), which differs from .NET's \w (no No/Nl, but combining marks):
/// scoring must match the published numbers, so we follow Python, code point by code point.
/// </summary>
public static class WordTokenizer
{
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    internal static bool IsWordRune(Rune rune)
    {
        if (rune.Value == '_')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }
}
