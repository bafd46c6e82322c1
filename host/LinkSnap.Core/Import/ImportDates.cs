using System.Globalization;

namespace LinkSnap.Core.Import;

/// <summary>
/// The timestamps export formats use: Unix seconds, milliseconds or microseconds (told apart by size),
/// ISO-8601 with Z or an offset, Apache-log dates (Shaarli), "YYYY-MM-DD HH:MM:SS UTC", and Chrome's
/// microseconds since 1601. Unreadable or absurd values give null: the entry is kept without a date.
/// </summary>
public static class ImportDates
{
    private static readonly DateTimeOffset Earliest = new(1970, 1, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WebKitEpoch = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Formats =
    [
        "dd/MMM/yyyy:HH:mm:ss zzz",
        "yyyy-MM-dd HH:mm:ss 'UTC'",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd HH:mm:ss",
    ];

    public static DateTimeOffset? Parse(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return FromUnix(number);
        }

        if (DateTimeOffset.TryParseExact(FixOffset(text), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact) ||
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out exact))
        {
            return Sane(exact);
        }

        return null;
    }

    /// <summary>Seconds, milliseconds or microseconds since 1970, told apart by magnitude.</summary>
    public static DateTimeOffset? FromUnix(long value)
    {
        if (value <= 0)
        {
            return null;
        }

        try
        {
            var time = value switch
            {
                > 100_000_000_000_000 => DateTimeOffset.UnixEpoch.AddTicks(value * 10), // microseconds
                > 100_000_000_000 => DateTimeOffset.FromUnixTimeMilliseconds(value),
                _ => DateTimeOffset.FromUnixTimeSeconds(value),
            };
            return Sane(time);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Chrome's Bookmarks file: microseconds since 1601-01-01.</summary>
    public static DateTimeOffset? FromWebKit(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var micro) && micro > 0
            ? Sane(WebKitEpoch.AddTicks(micro * 10))
            : null;

    private static DateTimeOffset? Sane(DateTimeOffset time) =>
        time < Earliest || time > DateTimeOffset.UtcNow.AddYears(5) ? null : time.ToUniversalTime();

    // "+0300" and "+0200" offsets (Apache log, wallabag) become "+03:00", which zzz reads.
    private static string FixOffset(string text) =>
        text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && text[^4..].All(char.IsAsciiDigit)
            ? text[..^2] + ":" + text[^2..]
            : text;
}
