namespace LinkSnap.Core.Versions;

/// <summary>
/// What a summary says, as data, so the library can word it in the reader's language (the CLI uses
/// <see cref="ChangeSummary"/>'s English). Gap: "failed", "unfinished", "missing-files" or
/// "text-not-compared", with GapVersion naming the version it concerns.
/// </summary>
public sealed record ChangeFacts(
    int InsertedWords, int DeletedWords, bool Cjk, bool TitleChanged, string? HttpBefore, string? HttpAfter, string? NewFinalUrl,
    double? ScreenshotShare, bool FileChanged, string? Gap, long? GapVersion)
{
    public bool Unchanged => InsertedWords == 0 && DeletedWords == 0 && !TitleChanged && HttpBefore == HttpAfter && NewFinalUrl is null
        && ScreenshotShare is null && !FileChanged && Gap is null;
}
