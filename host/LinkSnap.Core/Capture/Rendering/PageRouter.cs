using System.Collections.Concurrent;
using LinkSnap.Core.Capture.Fetching;
using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>
/// Every request of the captured page passes here: the main document is served from the bytes the
/// engine already has (one fetch, UTF-8, our charset), subresources go to the network unless they
/// aim at a refused address, and once the page is frozen every new request is aborted.
/// </summary>
internal sealed class PageRouter(Uri documentUrl, byte[] documentUtf8, int status, TargetGuard guard, bool refusePrivate)
{
    private readonly ConcurrentDictionary<string, Task<bool>> _hostAllowed = new(StringComparer.OrdinalIgnoreCase);
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan NavigationFetchTimeout = TimeSpan.FromSeconds(15);
    private volatile bool _frozen;

    /// <summary>
    /// Whether subresources must pass through here (private addresses refused, or a test filter):
    /// otherwise <see cref="DocumentInterception"/> pauses only documents.
    /// </summary>
    public bool ChecksSubresources => (refusePrivate && !guard.AllowPrivateTargets) || guard.HasFilter;

    public int Status => status;

    public string DocumentBase64 { get; } = Convert.ToBase64String(documentUtf8);

    public bool IsFrozen => _frozen;

    /// <summary>Set when documents are intercepted through CDP: that interception must then pause every request.</summary>
    public Func<Task>? OnFreeze { get; set; }

    /// <summary>After the settle deadline: nothing new loads, so the page stays as it stands.</summary>
    public async Task FreezeAsync()
    {
        _frozen = true;
        if (OnFreeze is not null)
        {
            await OnFreeze();
        }
    }

    /// <summary>What to do with a request before it is sent; a Continue from the route is still checked (IsAllowedAsync).</summary>
    public RouteDecision Decide(string url, bool mainFrameDocument) =>
        _frozen ? RouteDecision.Abort
        : mainFrameDocument && IsDocumentUrl(url) ? RouteDecision.Fulfil
        : mainFrameDocument ? RouteDecision.FollowIfReachable
        : RouteDecision.Continue;

    public async Task HandleAsync(IRoute route)
    {
        try
        {
            var request = route.Request;
            switch (Decide(request.Url, request.IsNavigationRequest && IsMainFrame(request)))
            {
                case RouteDecision.Abort:
                    await route.AbortAsync("aborted");
                    return;
                case RouteDecision.Fulfil:
                    await route.FulfillAsync(new RouteFulfillOptions
                    {
                        Status = status,
                        ContentType = "text/html; charset=utf-8",
                        BodyBytes = documentUtf8,
                    });
                    return;
                case RouteDecision.FollowIfReachable:
                    await FollowOnlyIfReachableAsync(route);
                    return;
            }

            if (!await IsAllowedAsync(request.Url))
            {
                await route.AbortAsync("blockedbyclient");
                return;
            }

            await route.ContinueAsync();
        }
        catch (PlaywrightException)
        {
            // The page or context closed while the request was pending: nothing to answer any more.
        }
    }

    /// <summary>
    /// The page's own script sends the tab elsewhere (a client-side redirect, or an ad-block or host
    /// check that gives up on the page). Followed when the target answers; when it cannot be reached
    /// Chromium would put its error page where the captured document was, so the navigation is
    /// cancelled ("aborted" keeps the current document) and the page is captured as it stood.
    /// </summary>
    private async Task FollowOnlyIfReachableAsync(IRoute route)
    {
        if (!await IsAllowedAsync(route.Request.Url))
        {
            await route.AbortAsync("aborted");
            return;
        }

        IAPIResponse response;
        try
        {
            // No redirects followed here: a 3xx is handed to Chromium, which follows it through this router.
            response = await route.FetchAsync(new RouteFetchOptions { MaxRedirects = 0, Timeout = (float)NavigationFetchTimeout.TotalMilliseconds });
        }
        catch (PlaywrightException)
        {
            await route.AbortAsync("aborted");
            return;
        }

        await route.FulfillAsync(new RouteFulfillOptions { Response = response });
    }

    private static bool IsMainFrame(IRequest request)
    {
        try
        {
            return request.Frame.ParentFrame is null;
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    private bool IsDocumentUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.Equals(uri.GetLeftPart(UriPartial.Query), documentUrl.GetLeftPart(UriPartial.Query), StringComparison.Ordinal);

    private Task<bool> IsAllowedAsync(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var parsed) && !guard.PassesFilter(parsed))
        {
            return Task.FromResult(false);
        }

        if (!refusePrivate || guard.AllowPrivateTargets || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return Task.FromResult(true);
        }

        return _hostAllowed.GetOrAdd(uri.Host, async host =>
        {
            // A resolver that does not answer would hold the request, and with it the page's load
            // event, until the navigation timeout: a host that cannot be checked quickly is refused.
            using var timeout = new CancellationTokenSource(ResolveTimeout);
            try
            {
                await guard.ResolveAsync(host, timeout.Token);
                return true;
            }
            catch (Exception e) when (e is CaptureFailureException or OperationCanceledException)
            {
                return false;
            }
        });
    }
}
