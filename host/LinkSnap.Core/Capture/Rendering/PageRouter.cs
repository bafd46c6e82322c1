namespace LinkSnap.Core.Capture.Rendering;

/// <summary>
/// Decides what happens to the captured page's document requests: the main document is served
/// from the bytes the engine already has (one fetch, UTF-8, our charset), a navigation of the main
/// frame elsewhere is followed only when it can be reached, and once the page is frozen every new
/// request is aborted. Subresources are not seen here: they go through the context's
/// <see cref="Fetching.CheckingProxy"/>, which refuses what the capture must not reach.
/// </summary>
internal sealed class PageRouter(Uri documentUrl, byte[] documentUtf8, int status)
{
    private volatile bool _frozen;

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
        : mainFrameDocument && IsDocumentUrl(url) ? RouteDecision.Fulfil
        : mainFrameDocument ? RouteDecision.FollowIfReachable
        : RouteDecision.Continue;

    private bool IsDocumentUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.Equals(uri.GetLeftPart(UriPartial.Query), documentUrl.GetLeftPart(UriPartial.Query), StringComparison.Ordinal);
}
