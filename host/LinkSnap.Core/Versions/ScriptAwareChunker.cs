using System.Globalization;
using System.Text;
using DiffPlex;

namespace LinkSnap.Core.Versions;

/// <summary>
/// Splits text for a word-level diff that also works for Chinese and Japanese: a run of letters or
/// digits is one token, but every Han, kana or CJK punctuation character is a token of its own,
/// because those scripts write no spaces and a "word" of unsegmented CJK would be a whole sentence.
/// Whitespace runs and other punctuation are tokens too, so joining the tokens gives the text back.
/// </summary>
public sealed class ScriptAwareChunker : IChunker
{
    public static ScriptAwareChunker Instance { get; } = new();

    public IReadOnlyList<string> Chunk(string text)
    {
        var tokens = new List<string>();
        var start = 0;
        var kind = TokenKind.None;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var next = KindOf(rune);
            if (index > start && (next != kind || next is TokenKind.Single or TokenKind.CjkLetter))
            {
                tokens.Add(text[start..index]);
                start = index;
            }

            kind = next;
            index += rune.Utf16SequenceLength;
        }

        if (index > start)
        {
            tokens.Add(text[start..index]);
        }

        return tokens;
    }

    /// <summary>Words a token stands for: one per Latin word, one per CJK character, none for spaces or punctuation.</summary>
    public static int WordsIn(string token)
    {
        if (token.Length == 0)
        {
            return 0;
        }

        var kind = KindOf(Rune.GetRuneAt(token, 0));
        return kind is TokenKind.Word or TokenKind.CjkLetter ? 1 : 0;
    }

    public static bool IsCjk(Rune rune) => rune.Value is
        (>= 0x3040 and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF)
        or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF66 and <= 0xFF9F) or (>= 0x20000 and <= 0x3FFFF);

    private static TokenKind KindOf(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune))
        {
            return TokenKind.Space;
        }

        if (IsCjk(rune))
        {
            return TokenKind.CjkLetter;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation => TokenKind.Word,
            _ when Rune.IsLetterOrDigit(rune) => TokenKind.Word,
            _ => TokenKind.Single,
        };
    }

    private enum TokenKind
    {
        None,
        Space,
        Word,
        CjkLetter,
        Single,
    }
}
