using LinkSnap.Api;
using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Storage;
using LinkSnap.Library;
using LinkSnap.Shared;
using LinkSnap.Watch;

namespace LinkSnap.Native;

/// <summary>
/// The popup's view of a saved link (lookup-url) and its edits (update-link). Answered by the same
/// services the API endpoints call, without an HTTP round trip (issue 12 item 1); their exceptions
/// become protocol errors by the table in <see cref="ServiceError"/>.
/// </summary>
internal sealed class NativeLinkMessages(LinkSnapService service, LinkWatchService watches)
{
    /// <summary>The saved link, or the API's own "not saved" answer.</summary>
    public object Lookup(LookupUrlRequest request) =>
        service.Lookup(request.Url) is { } link ? Describe(link) : new LookupDto(false, null, 0, null, []);

    /// <summary>Tags, note, states and watch of one link; no new version. Fields left out stay as they are.</summary>
    public SavedLinkReply Update(UpdateLinkRequest request)
    {
        var id = ApiErrors.ParseId(request.LinkId ?? throw new NativeException(ErrorCodes.BadMessage, "\"linkId\" is required"), "link");
        // Parsed before anything is written, so a bad schedule changes nothing.
        SchedulePeriod? period = request.Watch is { } every ? SchedulePeriods.Parse(every) : null;
        service.UpdateLink(id, null, request.Note, request.Tags, new LinkStatesEdit(request.Read, request.Favorite, request.Archived, request.Private));
        if (period is { } p)
        {
            watches.Set(id, p);
        }

        return Describe(service.GetLink(id));
    }

    private SavedLinkReply Describe(LinkRecord link)
    {
        var watch = watches.Get(link.Id);
        return new SavedLinkReply(
            link.Id, link.Title, link.SnapshotCount, link.Latest?.CreatedAt, link.Tags, link.Note, link.States,
            new LinkWatchReply(watch.Every, watches.TagName(watch)),
            // The latest capture's quality flags and mode: a flagged fresh capture is offered again "as you see it" (decision 053).
            link.Latest?.Metadata?.Quality is { NeedsAttention: true } quality ? quality.Flags : null,
            link.Latest?.Mode);
    }
}
