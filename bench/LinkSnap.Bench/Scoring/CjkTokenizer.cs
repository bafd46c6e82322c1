using System.Text;

namespace LinkSnap.Bench.Scoring;

/// <summary>zh-cwced-dev's text tokens (corpus README): every CJK character is one token, other tokens are \w+ lowercased.</summary>
public static class CjkTokenizer
{
    public static IEnumerable<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        foreach (var word in WordTokenizer.Tokenize(text))
        {
            var current = new StringBuilder();
            foreach (var rune in word.EnumerateRunes())
            {
                if (IsCjk(rune.Value))
                {
                    Flush();
                    tokens.Add(rune.ToString());
                }
                else
                {
                    current.Append(rune.ToString());
                }
            }

            Flush();

            void Flush()
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString().ToLowerInvariant());
                    current.Clear();
                }
            }
        }

        return tokens;
    }

    private static bool IsCjk(int c) =>
        c is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2FA1F) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x3040 and <= 0x30FF) or (>= 0xAC00 and <= 0xD7AF);
}
