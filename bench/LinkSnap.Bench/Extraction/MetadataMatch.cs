using System.Globalization;
using System.Text.RegularExpressions;

namespace LinkSnap.Bench.Extraction;

/// <summary>The corpus README's matching rules for title, author and date.</summary>
public static partial class MetadataMatch
{
    public static string Normalize(string? value) => Whitespace().Replace(value ?? "", " ").Trim();

    public static bool Exact(string? want, string? got) => Normalize(want) == Normalize(got);

    /// <summary>Equal, or (zh-cwced-dev's author rule, postlight's second figure) contained either way, ignoring case.</summary>
    public static bool Contains(string? want, string? got)
    {
        var (w, g) = (Normalize(want).ToLowerInvariant(), Normalize(got).ToLowerInvariant());
        return w.Length > 0 && g.Length > 0 && (w.Contains(g, StringComparison.Ordinal) || g.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>
    /// Same calendar day; a truth written as a year or year-month ("2018", "1998-3") matches to that
    /// precision. An instant with a zone is compared in UTC against a UTC truth ("…Z"), else as written.
    /// </summary>
    public static bool SameDay(string? want, string? got)
    {
        if (want is null || got is null)
        {
            return false;
        }

        var truth = DateParts().Match(want);
        var ours = DateParts().Match(got);
        if (!truth.Success || !ours.Success)
        {
            return false;
        }

        var (y, m, d) = (ours.Groups[1].Value, ours.Groups[2].Value, ours.Groups[3].Value);
        if (want.EndsWith('Z') && ZoneSuffix().IsMatch(got) && DateTimeOffset.TryParse(got, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            var utc = instant.UtcDateTime;
            (y, m, d) = (utc.Year.ToString(CultureInfo.InvariantCulture), utc.Month.ToString(CultureInfo.InvariantCulture), utc.Day.ToString(CultureInfo.InvariantCulture));
        }

        // A day without a zone is the page's own calendar day: it matches an instant that falls on
        // that day in some zone (UTC−12 to UTC+14), as "2019-03-05" on a Japanese page matches 2019-03-04T15:00Z.
        if (want.EndsWith('Z') && got.Length == 10 && DateTimeOffset.TryParse(want, CultureInfo.InvariantCulture, DateTimeStyles.None, out var truthInstant))
        {
            return new[] { -12, 0, 14 }.Any(h => truthInstant.UtcDateTime.AddHours(h).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == got);
        }

        static int N(string s) => s.Length == 0 ? 0 : int.Parse(s, CultureInfo.InvariantCulture);
        return N(truth.Groups[1].Value) == N(y)
            && (truth.Groups[2].Value.Length == 0 || N(truth.Groups[2].Value) == N(m))
            && (truth.Groups[3].Value.Length == 0 || N(truth.Groups[3].Value) == N(d));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")]
    private static partial Regex DateParts();

    [GeneratedRegex(@"T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex ZoneSuffix();
}
