using System.Text.Json;
using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Consent;

/// <summary>
/// Dismisses a consent banner in a fresh capture before it is frozen (decision 072): autoconsent
/// finds the consent manager and chooses "reject non-essential" (its opt-out). Bounded and never
/// fails a capture: a step that cannot run leaves the page as it was, and the quality guard still
/// flags a wall that stays.
/// </summary>
internal sealed class ConsentDismisser(TimeProvider time)
{
    /// <summary>How long autoconsent may take in the page; the caller's bound is a little longer.</summary>
    private const int PageBoundMs = 6000;

    private const int MaxNameLength = 80;

    /// <summary>What was clicked, or null when no open banner was recognised (or the step could not run).</summary>
    public async Task<ConsentDismissal?> DismissAsync(IPage page, TimeSpan bound)
    {
        try
        {
            var args = new Dictionary<string, object?> { ["boundMs"] = (int)Math.Min(PageBoundMs, bound.TotalMilliseconds) };
            var found = await page.EvaluateAsync<JsonElement>(ConsentScript.Dismiss, args).WaitAsync(bound, time);
            if (found.ValueKind != JsonValueKind.Object || !found.GetProperty("popup").GetBoolean() || found.GetProperty("cmp").ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var done = found.GetProperty("result").ValueKind == JsonValueKind.True && !found.GetProperty("stillShown").GetBoolean();
            var action = !done ? ConsentDismissal.Failed : found.GetProperty("cosmetic").GetBoolean() ? ConsentDismissal.Hidden : ConsentDismissal.Rejected;
            // The page could tamper with what it reports: the name is kept short, the count a count.
            var cmp = found.GetProperty("cmp").GetString()!;
            return new ConsentDismissal(cmp[..Math.Min(cmp.Length, MaxNameLength)], action, Math.Clamp(found.GetProperty("clicks").GetInt32(), 0, 1000));
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
