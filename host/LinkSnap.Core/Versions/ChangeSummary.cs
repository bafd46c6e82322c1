using System.Globalization;

namespace LinkSnap.Core.Versions;

/// <summary>What changed between two versions in a few words: "+120 −30 words, title changed", or "unchanged"; a gap names what could not be compared.</summary>
public static class ChangeSummary
{
    /// <summary>Screenshots differing in less than this share of pixels count as the same (caret, clock, rounding).</summary>
    public const double ScreenshotNoise = 0.001;

    public static string Describe(TextComparison text, ScreenshotComparison? screenshot, FileComparison? file, IReadOnlyList<MetadataChange> metadata, string? gap)
    {
        var parts = new List<string>();
        if (text.Diff is { Identical: false } diff)
        {
            var unit = diff.Cjk ? "characters" : "words";
            parts.Add($"+{diff.InsertedWords.ToString("N0", CultureInfo.InvariantCulture)} −{diff.DeletedWords.ToString("N0", CultureInfo.InvariantCulture)} {unit}");
        }

        var changed = metadata.Where(m => m.Changed).ToDictionary(m => m.Field);
        if (changed.ContainsKey("title"))
        {
            parts.Add("title changed");
        }

        if (changed.TryGetValue("httpStatus", out var status))
        {
            parts.Add($"HTTP {status.Before ?? "?"} → {status.After ?? "?"}");
        }

        if (changed.TryGetValue("finalUrl", out var final) && final.After is not null)
        {
            parts.Add($"now ends at {final.After}");
        }

        if (screenshot?.Diff is { ChangedShare: > ScreenshotNoise } shot)
        {
            parts.Add($"screenshot {Percent(shot.ChangedShare)} changed");
        }

        if (file is { State: PartState.Compared })
        {
            parts.Add("file changed");
        }

        if (gap is not null)
        {
            parts.Add(gap);
        }

        return parts.Count == 0 ? "unchanged" : string.Join(", ", parts);
    }

    private static string Percent(double share) =>
        share < 0.01 ? "<1%" : (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
