namespace LinkSnap.Core.Capture;

/// <summary>
/// Tells a bot challenge or an error page from real content, so such a capture is marked
/// partial instead of done. Deliberately conservative: phrases that real articles rarely use,
/// and only on short pages.
/// </summary>
internal static class ChallengeDetector
{
    private static readonly string[] ChallengeTitles =
    [
        "just a moment", "attention required! | cloudflare", "access denied", "are you a robot", "are you a human",
        "security check", "ddos-guard", "verify you are human", "please wait while we verify",
    ];

    private static readonly string[] ChallengePhrases =
    [
        "verify you are human", "checking your browser before accessing", "enable javascript and cookies to continue",
        "please complete the security check", "press & hold to confirm you are a human", "why have i been blocked",
        "needs to review the security of your connection", "unusual traffic from your computer network",
    ];

    /// <summary>Returns why the page looks like a challenge or an error, or null when it looks like content.</summary>
    public static string? Detect(int? httpStatus, string? reasonPhrase, string? title, string text, int textLength, IReadOnlyCollection<string> markers)
    {
        if (httpStatus >= 400)
        {
            return $"HTTP {httpStatus} {reasonPhrase}".TrimEnd();
        }

        var shortPage = textLength < 2500;
        var lowerTitle = (title ?? "").Trim().ToLowerInvariant();
        if (shortPage && Array.Exists(ChallengeTitles, t => lowerTitle.StartsWith(t, StringComparison.Ordinal)))
        {
            return $"The page looks like a bot challenge or an error page (title \"{title!.Trim()}\").";
        }

        if (shortPage && markers.Count > 0)
        {
            return $"The page looks like a bot challenge or captcha ({string.Join(", ", markers)}).";
        }

        var lowerText = text.ToLowerInvariant();
        var phrase = Array.Find(ChallengePhrases, lowerText.Contains);
        return shortPage && phrase is not null ? $"The page looks like a bot challenge (\"{phrase}\")." : null;
    }
}
