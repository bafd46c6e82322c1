using System.Text;

namespace LinkSnap.Core.Versions;

/// <summary>Counts words the way the diff does: a Latin word or a single CJK character is one.</summary>
public static class WordCounter
{
    public static int Count(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (ScriptAwareChunker.IsCjk(rune))
            {
                words += Rune.IsLetterOrDigit(rune) ? 1 : 0;
                inWord = false;
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                words += inWord ? 0 : 1;
                inWord = true;
            }
            else
            {
                inWord = false;
            }
        }

        return words;
    }

    /// <summary>True when most letters (in the first 20,000 characters) are Chinese or Japanese.</summary>
    public static bool MostlyCjk(string text)
    {
        int cjk = 0, other = 0;
        foreach (var rune in text.AsSpan(0, Math.Min(text.Length, 20_000)).EnumerateRunes())
        {
            if (ScriptAwareChunker.IsCjk(rune))
            {
                cjk++;
            }
            else if (Rune.IsLetter(rune))
            {
                other++;
            }
        }

        // Latin letters come several to a word, CJK characters one each: compare words, roughly.
        return cjk > other / 5;
    }
}
