using System.Text.Json;
using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Quality;

/// <summary>
/// Runs the quality guard's two page steps (decision 053): <see cref="PrepareAsync"/> before a fresh
/// page is frozen (site rules, scrolling for scroll-triggered loaders, opening plain "read more"
/// toggles) and <see cref="CheckAsync"/> on every rendered capture before its artifacts. Both are
/// bounded and never fail a capture: a guard that cannot run leaves the capture unflagged.
/// </summary>
internal sealed class QualityGuard(TimeProvider time)
{
    private static readonly TimeSpan CheckBound = TimeSpan.FromSeconds(5);

    /// <summary>Test hook: the host whose site rule applies (fixture pages are all served from loopback).</summary>
    internal Func<Uri, string>? SiteHostForTests { get; set; }

    public async Task<(string? SiteRule, IReadOnlyList<string> Expanded)> PrepareAsync(IPage page, TimeSpan bound)
    {
        try
        {
            var args = new Dictionary<string, object?>
            {
                ["rules"] = QualityScript.Rules,
                ["host"] = Uri.TryCreate(page.Url, UriKind.Absolute, out var url) ? SiteHostForTests?.Invoke(url) ?? url.Host : null,
                ["scroll"] = true,
                ["maxScrollSteps"] = 12,
                ["scrollStepMs"] = 60,
                ["imageWaitMs"] = 1500,
            };
            var done = await page.EvaluateAsync<JsonElement>(QualityScript.Prepare, args).WaitAsync(bound, time);
            var site = done.TryGetProperty("site", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            var expanded = done.TryGetProperty("expanded", out var e) ? e.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
            return (site, expanded);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, []);
        }
    }

    /// <summary>
    /// The flags of the page as it stands; an HTTP error status is a flag of its own. Images the
    /// site itself does not serve (<see cref="AbsentImages"/>) are not "missing".
    /// </summary>
    public async Task<IReadOnlyList<QualityFlag>> CheckAsync(IPage page, int? httpStatus, string? reasonPhrase, IReadOnlyCollection<string> absentImages)
    {
        var flags = new List<QualityFlag>();
        if (httpStatus >= 400)
        {
            flags.Add(Flag(QualityKinds.ErrorPage, $"HTTP {httpStatus} {reasonPhrase}".TrimEnd()));
        }

        try
        {
            var found = await page.EvaluateAsync<JsonElement>(QualityScript.Check, new Dictionary<string, object?> { ["rules"] = QualityScript.Rules, ["httpError"] = httpStatus >= 400, ["absentImages"] = absentImages }).WaitAsync(CheckBound, time);
            foreach (var f in found.GetProperty("flags").EnumerateArray())
            {
                var kind = f.GetProperty("kind").GetString()!;
                if (!flags.Exists(x => x.Kind == kind))
                {
                    flags.Add(Flag(kind, f.GetProperty("reason").GetString()!));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The capture is not held up by its check; it is simply not flagged.
        }

        return flags;
    }

    private static QualityFlag Flag(string kind, string reason) => new(kind, reason, QualityKinds.ActionFor(kind));
}
