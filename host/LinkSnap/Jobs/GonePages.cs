using LinkSnap.Core.Capture;

namespace LinkSnap.Jobs;

/// <summary>
/// Tells a page that is gone (its host has no DNS entry, or the server answers 404 Not Found or 410 Gone)
/// from one that failed for a passing reason: a gone page is marked so and never retried.
/// </summary>
public static class GonePages
{
    // The fetcher's wording for a failed DNS lookup (DocumentFetcher.Translate).
    private const string DnsFailure = "DNS lookup failed";

    public static bool IsGone(CaptureResult result) =>
        result.Metadata.HttpStatus is 404 or 410 ||
        (result.Outcome == CaptureOutcome.Failed && result.Reason?.StartsWith(DnsFailure, StringComparison.Ordinal) == true);
}
