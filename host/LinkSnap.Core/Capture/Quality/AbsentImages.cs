using System.Collections.Concurrent;
using LinkSnap.Core.Capture.Fetching;
using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Quality;

/// <summary>
/// The images of a page that the site itself does not serve (decision 084): the origin answered
/// 4xx, or the image's host was refused for good (no such name, no address, a refused address), so
/// a browser on this machine gets no image either. The guard's missing-images flag leaves them out:
/// there is nothing to save and recapturing later would not bring them. Images that timed out,
/// failed to connect or got a 5xx are not absent: they stay "missing".
/// </summary>
internal sealed class AbsentImages
{
    private readonly ConcurrentDictionary<string, byte> _urls = new();

    private AbsentImages()
    {
    }

    /// <summary>The absent images' addresses so far (the redirects that led to them included).</summary>
    public IReadOnlyCollection<string> Urls => [.. _urls.Keys];

    /// <summary>Watches the page's image requests; attach before navigating.</summary>
    public static AbsentImages Attach(IPage page, CheckingProxy proxy)
    {
        var absent = new AbsentImages();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType != "image" || response.Status is < 400 or >= 500)
            {
                return;
            }

            // A 4xx from the proxy itself is a refusal, not the site's answer: absent only when final.
            var byProxy = response.Headers.ContainsKey(CheckingProxy.RefusedHeader.ToLowerInvariant());
            if (!byProxy || HostGone(response.Request, proxy))
            {
                absent.Add(response.Request);
            }
        };
        page.RequestFailed += (_, request) =>
        {
            // An HTTPS image whose tunnel the proxy refused fails without an answer: ask the proxy why.
            if (request.ResourceType == "image" && HostGone(request, proxy))
            {
                absent.Add(request);
            }
        };
        return absent;
    }

    private static bool HostGone(IRequest request, CheckingProxy proxy) =>
        Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && proxy.RefusedHostForGood(url.Host);

    private void Add(IRequest request)
    {
        for (var r = request; r is not null; r = r.RedirectedFrom)
        {
            _urls.TryAdd(r.Url, 0);
        }
    }
}
