namespace LinkSnap.Core.Capture.Rendering;

/// <summary>
/// Decides what happens to the captured page's document requests: the main document is served
/// from the bytes the engine already has (one fetch, UTF-8, our charset), a navigation of the main
/// frame elsewhere is followed only when it can be reached, and once the page is frozen every new
/// request is aborted. Subresources are not seen here: they go through the context's
/// <see cref="Fetching.CheckingProxy"/>, which refuses what the capture must not reach.
/// An as-seen page (<paramref name="followsNavigations"/> false) is the DOM the user sent and
/// nothing else: its document is served once and every later main-frame navigation (a meta
/// refresh, a reload) is cancelled, so the page's markup cannot swap in another document.
/// </summary>
internal sealed class PageRouter(Uri documentUrl, byte[] documentUtf8, int status, bool followsNavigations = true)
{
    private volatile bool _frozen;
    private int _served;

    public int Status => status;

    public byte[] DocumentUtf8 => documentUtf8;

    public bool IsFrozen => _frozen;

    /// <summary>Set by the interception: once frozen it must pause every request, not only documents.</summary>
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

    /// <summary>What to do with a request before it is sent.</summary>
    public RouteDecision Decide(string url, bool mainFrameDocument) =>
        _frozen ? RouteDecision.Abort
        : mainFrameDocument && !followsNavigations ? (Interlocked.Exchange(ref _served, 1) == 0 ? RouteDecision.Fulfil : RouteDecision.Abort)
        : mainFrameDocument && IsDocumentUrl(url) ? RouteDecision.Fulfil
        : mainFrameDocument ? RouteDecision.FollowIfReachable
        : RouteDecision.Continue;

    private bool IsDocumentUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.Equals(uri.GetLeftPart(UriPartial.Query), documentUrl.GetLeftPart(UriPartial.Query), StringComparison.Ordinal);
}
