using System.Globalization;
using LinkSnap.Core.Capture;

namespace LinkSnap.Core.Storage;

/// <summary>How enums and times are written in the database and in snapshot.json (lowercase words, ISO-8601 UTC).</summary>
public static class StorageText
{
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseTimeOrNull(string? text) => text is null ? null : ParseTime(text);

    public static string Status(SnapshotStatus status) => status.ToString().ToLowerInvariant();

    public static SnapshotStatus ParseStatus(string text) => Enum.Parse<SnapshotStatus>(text, ignoreCase: true);

    public static bool TryParseStatus(string? text, out SnapshotStatus status) =>
        Enum.TryParse(text, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(text, out _);

    public static string Stage(CaptureStage stage) => stage.ToString().ToLowerInvariant();

    public static CaptureStage? ParseStage(string? text) => text is null ? null : Enum.Parse<CaptureStage>(text, ignoreCase: true);

    public static string Mode(CaptureMode mode) => mode switch
    {
        CaptureMode.AsSeen => "as-seen",
        CaptureMode.Imported => "imported",
        _ => "fresh",
    };

    public static bool TryParseMode(string? text, out CaptureMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "fresh":
                mode = CaptureMode.Fresh;
                return true;
            case "as-seen" or "asseen":
                mode = CaptureMode.AsSeen;
                return true;
            case "imported":
                mode = CaptureMode.Imported;
                return true;
            default:
                mode = CaptureMode.Fresh;
                return false;
        }
    }

    public static CaptureMode ParseMode(string text) =>
        TryParseMode(text, out var mode) ? mode : throw new FormatException($"unknown capture mode '{text}'");
}
