using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Consent;

/// <summary>
/// Dismisses a consent banner in a fresh capture before it is frozen (decision 072): autoconsent
/// finds the consent manager and chooses "reject non-essential" (its opt-out). It runs in the top
/// document and in each frame at once (decision 080): Sourcepoint, TrustArc and others draw their
/// banner in a frame of their own origin. Bounded and never fails a capture: a step that cannot run
/// leaves the page as it was, and the quality guard still flags a wall that stays.
/// </summary>
internal sealed class ConsentDismisser(TimeProvider time)
{
    /// <summary>How long autoconsent may take in the page; the caller's bound is a little longer.</summary>
    private const int PageBoundMs = 6000;

    private const int MaxNameLength = 80;

    /// <summary>Frames looked at besides the top document: a consent frame is among a page's first; ad-heavy pages have dozens.</summary>
    private const int MaxFrames = 16;

    /// <summary>What was clicked, or null when no open banner was recognised (or the step could not run).</summary>
    public async Task<ConsentDismissal?> DismissAsync(IPage page, TimeSpan bound)
    {
        try
        {
            var frames = page.Frames.Where(f => f != page.MainFrame && !f.IsDetached).Take(MaxFrames).ToList();

            // What each frame's run said last, routed by the frame that called (not by anything the
            // page could write): a consent frame is often removed as soon as "reject" is clicked.
            var reports = new ConcurrentDictionary<IFrame, string>();
            string? binding = null;
            if (frames.Count > 0)
            {
                binding = "__linksnapConsent" + Guid.NewGuid().ToString("N")[..12];
                await page.ExposeBindingAsync(binding, (BindingSource source, string found) => { reports[source.Frame] = found; })
                    .WaitAsync(bound, time);
            }

            var args = new Dictionary<string, object?> { ["boundMs"] = (int)Math.Min(PageBoundMs, bound.TotalMilliseconds), ["report"] = binding };
            var runs = new[] { page.MainFrame }.Concat(frames).Select(frame => RunAsync(frame, args, bound, reports)).ToList();
            var results = await Task.WhenAll(runs);

            // The top document's banner first; else the first frame that showed one.
            return results.FirstOrDefault(r => r is not null);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            return null;
        }
    }

    private async Task<ConsentDismissal?> RunAsync(IFrame frame, Dictionary<string, object?> args, TimeSpan bound, ConcurrentDictionary<IFrame, string> reports)
    {
        try
        {
            var found = await frame.EvaluateAsync<JsonElement>(ConsentScript.Dismiss, args).WaitAsync(bound, time);
            return Read(found, gone: false);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A frame removed by its page after the click takes the banner with it: its last report stands.
            if (frame.IsDetached && reports.TryGetValue(frame, out var last))
            {
                try
                {
                    using var json = JsonDocument.Parse(last);
                    return Read(json.RootElement, gone: true);
                }
                catch (Exception inner) when (inner is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    return null;
                }
            }

            return null;
        }
    }

    /// <param name="found">What consent.js found; <paramref name="gone"/>: its frame has been removed since.</param>
    private static ConsentDismissal? Read(JsonElement found, bool gone)
    {
        if (found.ValueKind != JsonValueKind.Object || !found.GetProperty("popup").GetBoolean() || found.GetProperty("cmp").ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var done = found.GetProperty("result").ValueKind == JsonValueKind.True && (gone || !found.GetProperty("stillShown").GetBoolean());
        var action = !done ? ConsentDismissal.Failed : found.GetProperty("cosmetic").GetBoolean() ? ConsentDismissal.Hidden : ConsentDismissal.Rejected;
        // The page could tamper with what it reports: the name is kept short, the count a count.
        var cmp = found.GetProperty("cmp").GetString()!;
        return new ConsentDismissal(cmp[..Math.Min(cmp.Length, MaxNameLength)], action, Math.Clamp(found.GetProperty("clicks").GetInt32(), 0, 1000));
    }
}
