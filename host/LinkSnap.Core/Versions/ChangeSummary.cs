using System.Globalization;

namespace LinkSnap.Core.Versions;

/// <summary>What changed between two versions in a few words: "+120 −30 words, title changed", or "unchanged".</summary>
public static class ChangeSummary
{
    /// <summary>Screenshots differing in less than this share of pixels count as the same (caret, clock, rounding).</summary>
    public const double ScreenshotNoise = 0.001;

    public static ChangeFacts Facts(TextComparison text, ScreenshotComparison? screenshot, FileComparison? file, IReadOnlyList<MetadataChange> metadata, (string Code, long Version)? gap)
    {
        var changed = metadata.Where(m => m.Changed).ToDictionary(m => m.Field);
        var status = changed.GetValueOrDefault("httpStatus");
        return new ChangeFacts(
            text.Diff?.InsertedWords ?? 0, text.Diff?.DeletedWords ?? 0, text.Diff?.Cjk ?? false, changed.ContainsKey("title"),
            status?.Before, status?.After, changed.GetValueOrDefault("finalUrl")?.After,
            screenshot?.Diff is { ChangedShare: > ScreenshotNoise } shot ? shot.ChangedShare : null,
            file is { State: PartState.Compared }, gap?.Code, gap?.Version);
    }

    public static string Describe(ChangeFacts facts)
    {
        var parts = new List<string>();
        if (facts.InsertedWords > 0 || facts.DeletedWords > 0)
        {
            parts.Add($"+{Number(facts.InsertedWords)} −{Number(facts.DeletedWords)} {(facts.Cjk ? "characters" : "words")}");
        }

        if (facts.TitleChanged)
        {
            parts.Add("title changed");
        }

        if (facts.HttpBefore != facts.HttpAfter)
        {
            parts.Add($"HTTP {facts.HttpBefore ?? "?"} → {facts.HttpAfter ?? "?"}");
        }

        if (facts.NewFinalUrl is not null)
        {
            parts.Add($"now ends at {facts.NewFinalUrl}");
        }

        if (facts.ScreenshotShare is { } share)
        {
            parts.Add($"screenshot {(share < 0.01 ? "<1%" : (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%")} changed");
        }

        if (facts.FileChanged)
        {
            parts.Add("file changed");
        }

        if (facts.Gap is not null)
        {
            parts.Add(facts.Gap switch
            {
                "failed" => $"version {facts.GapVersion} failed",
                "unfinished" => $"version {facts.GapVersion} not finished",
                "missing-files" => $"files of version {facts.GapVersion} missing",
                _ => "text not compared",
            });
        }

        return parts.Count == 0 ? "unchanged" : string.Join(", ", parts);
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
