using System.Text;

namespace LinkSnap.Core.Storage;

/// <summary>
/// Tag rules: trimmed, Unicode NFC, at most 100 characters, no control characters, at most 100 per link; '/' makes a
/// hierarchy ("nlp/interpretability") and each level is trimmed. Tags are unique case-insensitively.
/// </summary>
public static class TagName
{
    public const int MaxLength = 100;

    /// <summary>Tags one link may carry (docs/api.md "Limits").</summary>
    public const int MaxPerLink = 100;

    /// <summary>The tag as it is stored; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static string Normalize(string? tag)
    {
        var text = (tag ?? "").Normalize(NormalizationForm.FormC).Trim();
        if (text.Length == 0)
        {
            throw new ArgumentException("A tag cannot be empty.");
        }

        if (text.Any(char.IsControl))
        {
            throw new ArgumentException("A tag cannot contain control characters (tabs, line breaks).");
        }

        var levels = text.Split('/').Select(l => l.Trim()).ToArray();
        if (levels.Any(l => l.Length == 0))
        {
            throw new ArgumentException($"Tag '{text}' has an empty level: write levels as 'parent/child'.");
        }

        text = string.Join('/', levels);
        if (text.Length > MaxLength)
        {
            throw new ArgumentException($"Tag '{text[..20]}…' is {text.Length} characters long; the limit is {MaxLength}.");
        }

        return text;
    }

    /// <summary>The case-insensitive identity of a normalized tag.</summary>
    public static string Key(string normalized) => normalized.ToLowerInvariant().Normalize(NormalizationForm.FormC);

    /// <summary>Normalizes a list, dropping duplicates that differ only in case or Unicode form (first spelling wins).</summary>
    public static IReadOnlyList<string> NormalizeAll(IEnumerable<string>? tags) => NormalizeAll(tags, refused: null);

    /// <summary>
    /// As <see cref="NormalizeAll(IEnumerable{string})"/>, but a tag the rules refuse is handed to <paramref name="refused"/>
    /// (with the reason) and left out instead of failing the list; null throws as before.
    /// </summary>
    public static IReadOnlyList<string> NormalizeAll(IEnumerable<string>? tags, Action<string, ArgumentException>? refused)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags ?? [])
        {
            string name;
            try
            {
                name = Normalize(tag);
            }
            catch (ArgumentException e) when (refused is not null)
            {
                refused(tag, e);
                continue;
            }

            if (seen.Add(Key(name)))
            {
                result.Add(name);
            }
        }

        return result;
    }
}
