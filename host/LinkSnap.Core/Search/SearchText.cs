using System.Text;

namespace LinkSnap.Core.Search;

/// <summary>
/// Segments text for the FTS5 unicode61 tokenizer, which would otherwise index a whole run of
/// Chinese, Japanese or Korean characters as one token (so "模型" inside "大语言模型的" never matches).
/// Each CJK character is surrounded by U+200B ZERO WIDTH SPACE, a separator for unicode61 that
/// appears nowhere else in indexed text, so removing it maps snippets back to the original text.
/// </summary>
public static class SearchText
{
    public const char Separator = '\u200B';

    public static string Segment(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + (text.Length / 2));
        var previousWasCjk = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == Separator)
            {
                continue;
            }

            var codePoint = c;
            var isPair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var isCjk = isPair ? IsCjk(char.ConvertToUtf32(c, text[i + 1])) : IsCjk(codePoint);
            if (isCjk || previousWasCjk)
            {
                if (builder.Length > 0 && builder[^1] != Separator)
                {
                    builder.Append(Separator);
                }
            }

            builder.Append(c);
            if (isPair)
            {
                builder.Append(text[++i]);
            }

            previousWasCjk = isCjk;
        }

        return builder.ToString();
    }

    public static string Unsegment(string text) => text.Replace(Separator.ToString(), "", StringComparison.Ordinal);

    public static bool ContainsCjk(string text) => text.EnumerateRunes().Any(r => IsCjk(r.Value));

    /// <summary>Han, kana and Hangul: scripts written without spaces between words (Korean words are long runs too).</summary>
    public static bool IsCjk(int codePoint) =>
        codePoint is (>= 0x2E80 and <= 0x2FDF) // CJK radicals
            or (>= 0x3005 and <= 0x3007) // 々 〆 〇
            or (>= 0x3040 and <= 0x30FF) // hiragana, katakana
            or (>= 0x3100 and <= 0x312F) // bopomofo
            or (>= 0x3130 and <= 0x318F) // Hangul compatibility jamo
            or (>= 0x31F0 and <= 0x31FF) // katakana extensions
            or (>= 0x3400 and <= 0x4DBF) // CJK extension A
            or (>= 0x4E00 and <= 0x9FFF) // CJK unified ideographs
            or (>= 0xAC00 and <= 0xD7AF) // Hangul syllables
            or (>= 0x1100 and <= 0x11FF) // Hangul jamo
            or (>= 0xF900 and <= 0xFAFF) // CJK compatibility ideographs
            or (>= 0xFF66 and <= 0xFF9F) // half-width katakana
            or (>= 0x20000 and <= 0x3134F); // CJK extensions B–G
}
