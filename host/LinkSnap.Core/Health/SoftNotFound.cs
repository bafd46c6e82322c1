namespace LinkSnap.Core.Health;

/// <summary>
/// Tells a page that answers 200 but is really gone: it reads like the site's answer for a made-up
/// address, or it now reads like a parked, for-sale or expired domain. Either way it must also no
/// longer resemble the saved version's text (when there is one), so a site whose real pages share a
/// large template is not flagged for it.
/// </summary>
internal static class SoftNotFound
{
    /// <summary>At or above: reads like the made-up address's answer.</summary>
    public const double SameAsMissing = 0.85;

    /// <summary>Below: no longer reads like the saved version.</summary>
    public const double UnlikeSaved = 0.5;

    private static readonly string[] ParkedPhrases =
    [
        "domain is for sale", "domain may be for sale", "buy this domain", "domain has expired", "domain expired",
        "this domain is parked", "parked free", "domain parking", "parkingcrew", "sedoparking", "page not found",
        "404 not found", "域名出售", "域名已过期", "域名已到期", "此域名", "页面不存在", "找不到页面",
    ];

    /// <returns>Why the page is a soft 404, or null when it looks real.</returns>
    public static string? Judge(PageText.Page page, PageText.Page? missing, string? savedText)
    {
        var unlikeSaved = savedText is null || PageText.Similarity(page.Text, savedText) < UnlikeSaved;
        if (!unlikeSaved)
        {
            return null;
        }

        if (missing is not null && PageText.Similarity(page.Text, missing.Text) >= SameAsMissing)
        {
            return "The page answers like the site does for an address that does not exist.";
        }

        var text = page.Text.ToLowerInvariant();
        var saved = savedText?.ToLowerInvariant() ?? "";
        var where = savedText is null ? page.Title.ToLowerInvariant() : text;
        var phrase = ParkedPhrases.FirstOrDefault(p => where.Contains(p, StringComparison.Ordinal) && !saved.Contains(p, StringComparison.Ordinal));
        return phrase is null ? null : $"The page now reads \"{phrase}\" (a parked, expired or not-found page).";
    }
}
