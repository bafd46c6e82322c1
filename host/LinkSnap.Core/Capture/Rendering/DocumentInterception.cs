using System.Text.Json;
using LinkSnap.Core.Capture.Fetching;
using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>
/// The page router's interception: Chromium pauses only document requests (CDP <c>Fetch</c> with
/// <c>resourceType: Document</c>), so images, scripts and styles load without a round trip through
/// Playwright's driver and .NET each (the context's checking proxy sees those). The main frame's
/// document is answered from the engine's bytes; a main-frame navigation elsewhere is paused again
/// at its response and cancelled when it failed or the proxy refused it, so Chromium's error page
/// never replaces the captured document. Once frozen every request is paused and failed.
/// It also answers the checking proxy's credential challenge (407): Chromium asks for proxy
/// credentials only on paused requests, so before the page loads, one probe request is paused and
/// answered, and Chromium then sends the credentials with every request and tunnel of the context.
/// </summary>
internal sealed class DocumentInterception(ICDPSession cdp, PageRouter router, CheckingProxy proxy, PrivateStaticResources? privateStatic)
{
    /// <summary>no-cors: the blank page's opaque origin may not read the answer, only learn it arrived.</summary>
    private const string ProbeScript = "url => fetch(url, { mode: 'no-cors', cache: 'no-store' }).then(() => true, () => false)";

    private readonly HashSet<string> _answeredChallenges = [];
    private string? _mainFrameId;

    public async Task AttachAsync(IPage page)
    {
        var tree = await cdp.SendAsync("Page.getFrameTree");
        _mainFrameId = tree!.Value.GetProperty("frameTree").GetProperty("frame").GetProperty("id").GetString();
        cdp.Event("Fetch.requestPaused").OnEvent += (_, paused) =>
        {
            if (paused is { } e)
            {
                _ = HandleAsync(e.Clone());
            }
        };
        cdp.Event("Fetch.authRequired").OnEvent += (_, challenge) =>
        {
            if (challenge is { } e)
            {
                _ = AnswerChallengeAsync(e.Clone());
            }
        };
        await EnableAsync(everyRequest: false);
        if (!await page.EvaluateAsync<bool>(ProbeScript, CheckingProxy.CredentialsProbeUrl))
        {
            throw new CaptureFailureException("The capture browser could not sign in to its checking proxy.");
        }
    }

    /// <summary>After the settle deadline nothing new may load: every request is paused, then failed.</summary>
    public Task FreezeAsync() => EnableAsync(everyRequest: true);

    private Task EnableAsync(bool everyRequest)
    {
        var pattern = new Dictionary<string, object> { ["urlPattern"] = "*", ["requestStage"] = "Request" };
        if (!everyRequest)
        {
            pattern["resourceType"] = "Document";
        }

        var patterns = new List<Dictionary<string, object>>
        {
            pattern,
            new() { ["urlPattern"] = CheckingProxy.CredentialsProbeUrl, ["requestStage"] = "Request" },
        };
        if (privateStatic is not null && !everyRequest)
        {
            patterns.AddRange(PrivateStaticResources.ResourceTypes.Select(type =>
                new Dictionary<string, object> { ["urlPattern"] = "*", ["resourceType"] = type, ["requestStage"] = "Request" }));
        }

        return cdp.SendAsync("Fetch.enable", new() { ["patterns"] = patterns, ["handleAuthRequests"] = true });
    }

    /// <summary>The proxy's challenge gets its credentials once per request; a site's own challenge is left to Chromium (cancelled).</summary>
    private async Task AnswerChallengeAsync(JsonElement challenge)
    {
        var id = challenge.GetProperty("requestId").GetString()!;
        var fromProxy = challenge.GetProperty("authChallenge").GetProperty("source").GetString() == "Proxy";
        bool first;
        lock (_answeredChallenges)
        {
            first = _answeredChallenges.Add(id);
        }

        var answer = new Dictionary<string, object> { ["response"] = !fromProxy ? "Default" : first ? "ProvideCredentials" : "CancelAuth" };
        if (fromProxy && first)
        {
            answer["username"] = proxy.UserName;
            answer["password"] = proxy.Password;
        }

        try
        {
            await cdp.SendAsync("Fetch.continueWithAuth", new() { ["requestId"] = id, ["authChallengeResponse"] = answer });
        }
        catch (PlaywrightException)
        {
            // The page or context closed meanwhile.
        }
    }

    private async Task HandleAsync(JsonElement paused)
    {
        var id = paused.GetProperty("requestId").GetString()!;
        try
        {
            if (paused.TryGetProperty("responseErrorReason", out _) || paused.TryGetProperty("responseStatusCode", out _))
            {
                // Only main-frame navigations away from the document are paused at the response
                // stage: one that could not be reached is cancelled, so the document stays in place.
                await (router.IsFrozen || paused.TryGetProperty("responseErrorReason", out _) || IsRefusedByProxy(paused)
                    ? cdp.SendAsync("Fetch.failRequest", new() { ["requestId"] = id, ["errorReason"] = "Aborted" })
                    : cdp.SendAsync("Fetch.continueResponse", new() { ["requestId"] = id }));
                return;
            }

            var url = paused.GetProperty("request").GetProperty("url").GetString() ?? "";
            if (privateStatic is not null && !router.IsFrozen && PrivateStaticResources.IsPausedType(paused)
                && await privateStatic.TryAnswerAsync(cdp, id, url))
            {
                return;
            }

            var mainFrameDocument = paused.TryGetProperty("frameId", out var frame) && frame.GetString() == _mainFrameId
                && paused.TryGetProperty("resourceType", out var type) && type.GetString() == "Document";
            await (router.Decide(url, mainFrameDocument) switch
            {
                RouteDecision.Fulfil => cdp.SendAsync("Fetch.fulfillRequest", new()
                {
                    ["requestId"] = id,
                    ["responseCode"] = router.Status,
                    ["responseHeaders"] = new[] { new Dictionary<string, object> { ["name"] = "Content-Type", ["value"] = "text/html; charset=utf-8" } },
                    // Bytes, not a base64 string: System.Text.Json writes a byte[] as base64
                    // straight into the message, while a string holding '+' is escaped through a
                    // scratch buffer rented at six times its length (16-32 MiB of char[] for a
                    // 1 MB page), which the shared array pool then keeps.
                    ["body"] = router.DocumentUtf8,
                }),
                RouteDecision.Abort => cdp.SendAsync("Fetch.failRequest", new() { ["requestId"] = id, ["errorReason"] = "Aborted" }),
                RouteDecision.FollowIfReachable => cdp.SendAsync("Fetch.continueRequest", new() { ["requestId"] = id, ["interceptResponse"] = true }),
                _ => cdp.SendAsync("Fetch.continueRequest", new() { ["requestId"] = id }),
            });
        }
        catch (PlaywrightException)
        {
            // The page or context closed while the request was paused: nothing to answer any more.
        }
    }

    private static bool IsRefusedByProxy(JsonElement paused) =>
        paused.TryGetProperty("responseHeaders", out var headers)
        && headers.EnumerateArray().Any(h => string.Equals(h.GetProperty("name").GetString(), CheckingProxy.RefusedHeader, StringComparison.OrdinalIgnoreCase));
}
