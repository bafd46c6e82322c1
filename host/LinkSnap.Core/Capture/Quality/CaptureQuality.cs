using LinkSnap.Core.Capture.Consent;

namespace LinkSnap.Core.Capture.Quality;

/// <summary>
/// What the quality guard found on a capture (decision 053), kept in snapshot.json with the
/// metadata: the flags (each a sign that the capture may not hold the page), the plain "read more"
/// toggles it opened and the site rule it applied.
/// </summary>
public sealed record CaptureQuality
{
    public IReadOnlyList<QualityFlag> Flags { get; init; } = [];

    /// <summary>Texts of the "read more" toggles that were clicked open before the artifacts.</summary>
    public IReadOnlyList<string> Expanded { get; init; } = [];

    /// <summary>The site rule of quality-rules.json applied to the page (e.g. "wechat"), if any.</summary>
    public string? SiteRule { get; init; }

    /// <summary>The consent banner the consent step dismissed before the artifacts (decision 072), if any.</summary>
    public ConsentDismissal? Consent { get; init; }

    public bool NeedsAttention => Flags.Count > 0;
}

/// <summary>One sign that a capture may not hold the page: a kind (<see cref="QualityKinds"/>), why, and what to do.</summary>
public sealed record QualityFlag(string Kind, string Reason, string Action);

/// <summary>The flag kinds and the action suggested for each: one table, read by the library and the popup through the action key.</summary>
public static class QualityKinds
{
    public const string Consent = "consent";
    public const string LoginWall = "login-wall";
    public const string BotCheck = "bot-check";
    public const string ErrorPage = "error-page";
    public const string Blank = "blank";
    public const string Truncated = "truncated";
    public const string MissingImages = "missing-images";

    /// <summary>Save the page from the user's own tab: it carries their login, the dismissed banner, the opened fold.</summary>
    public const string SaveAsSeen = "save-as-seen";

    /// <summary>Try again later: the page or its images may come back.</summary>
    public const string RecaptureLater = "recapture-later";

    /// <summary>Check the address: the site answered with an error page.</summary>
    public const string CheckAddress = "check-address";

    public static string ActionFor(string kind) => kind switch
    {
        ErrorPage => CheckAddress,
        MissingImages => RecaptureLater,
        _ => SaveAsSeen,
    };
}
