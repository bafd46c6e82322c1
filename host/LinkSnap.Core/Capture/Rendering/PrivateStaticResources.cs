using System.Text.Json;
using LinkSnap.Core.Capture.Fetching;
using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>
/// The one private-allowed path of an as-seen capture. The user's browser already loaded the page,
/// intranet images included, so images, style sheets and fonts on private hosts are fetched here
/// (outside the browser, with a guard that allows private addresses) and handed to Chromium.
/// Everything else the page asks for (frames, objects, embeds, media, redirects of the main frame)
/// goes through the checking proxy under the capture's own rules, as in a fresh capture: markup
/// sent by a page cannot aim the capture at a loopback service. Only these three resource types
/// are paused (CDP <c>Fetch</c>); a public host is passed on to the proxy unchanged.
/// </summary>
internal sealed class PrivateStaticResources(TargetGuard captureGuard, TargetGuard privateGuard, DocumentFetcher privateFetcher)
{
    public static readonly string[] ResourceTypes = ["Image", "Stylesheet", "Font"];

    private readonly HostLookups _lookups = new(privateGuard);

    /// <summary>Fulfils or fails the paused request when its host is private; false leaves it to the proxy.</summary>
    public async Task<bool> TryAnswerAsync(ICDPSession cdp, string requestId, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        try
        {
            if (captureGuard.RefusedAddress(uri.Host, await _lookups.ResolveAsync(uri.Host)) is null)
            {
                return false;
            }
        }
        catch (Exception e) when (e is CaptureFailureException or OperationCanceledException)
        {
            return false; // the proxy refuses it with the reason
        }

        FetchedDocument? fetched = null;
        try
        {
            fetched = privateGuard.PassesFilter(uri) ? await privateFetcher.FetchAsync(uri, CancellationToken.None) : null;
        }
        catch (CaptureFailureException)
        {
            // Failed below, as the proxy fails an unreachable host.
        }

        await (fetched is null
            ? cdp.SendAsync("Fetch.failRequest", new() { ["requestId"] = requestId, ["errorReason"] = "Failed" })
            : cdp.SendAsync("Fetch.fulfillRequest", new()
            {
                ["requestId"] = requestId,
                ["responseCode"] = fetched.Status,
                // Fonts are loaded in CORS mode: the capture has no credentials to protect.
                ["responseHeaders"] = new[]
                {
                    new Dictionary<string, object> { ["name"] = "Content-Type", ["value"] = fetched.ContentType ?? "application/octet-stream" },
                    new Dictionary<string, object> { ["name"] = "Access-Control-Allow-Origin", ["value"] = "*" },
                },
                ["body"] = fetched.Body,
            }));
        return true;
    }

    public static bool IsPausedType(JsonElement paused) =>
        paused.TryGetProperty("resourceType", out var type) && ResourceTypes.Contains(type.GetString());
}
