namespace LinkSnap.Bench.Quality;

/// <summary>
/// One capture's quality-guard timings as shares of its total (decision 093). The checks ("guard":
/// consent, login, bot, error, blank, truncated and missing-image detection) are the guard's own cost,
/// held to ≤ 5%; the page preparation ("guard-prepare": site rules, scrolling for scroll-triggered
/// loaders, opening plain folds) is capture work the issue asks for and is reported on its own.
/// </summary>
public readonly record struct GuardShares(double Checks, double Preparation)
{
    /// <summary>The shares of one capture's timings; null when the capture has no total to share.</summary>
    public static GuardShares? Of(IReadOnlyDictionary<string, double> timingsMs)
    {
        var total = timingsMs.GetValueOrDefault("total");
        return total > 0 ? new GuardShares(timingsMs.GetValueOrDefault("guard") / total, timingsMs.GetValueOrDefault("guard-prepare") / total) : null;
    }
}
