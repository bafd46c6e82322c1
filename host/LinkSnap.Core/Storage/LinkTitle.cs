namespace LinkSnap.Core.Storage;

/// <summary>
/// Title rules: trimmed, at most 500 characters. A title that came from a page or an import is cut to
/// fit (a broken page once gave a 150 KB one); a title a person types longer than that is refused.
/// </summary>
public static class LinkTitle
{
    public const int MaxLength = 500;

    /// <summary>A page's or an import's title, trimmed and cut to <see cref="MaxLength"/> ("…" marks the cut).</summary>
    public static string FromPage(string? title)
    {
        var text = (title ?? "").Trim();
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = MaxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut -= 1; // never split an emoji or a rare CJK character in two
        }

        return text[..cut].TrimEnd() + "…";
    }

    /// <summary>A title typed by a person; throws <see cref="ArgumentException"/> with a readable message when too long.</summary>
    public static string Edited(string title)
    {
        var text = title.Trim();
        return text.Length <= MaxLength
            ? text
            : throw new ArgumentException($"A title is at most {MaxLength} characters; this one has {text.Length}.");
    }
}
