using LinkSnap.Api;
using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Watching;
using LinkSnap.Library;

namespace LinkSnap.Watch;

/// <summary>
/// One link's watch, read and set. The API (PUT/GET /api/links/{id}/watch) and the popup's native
/// messages both come here, so a watch set from either wakes the scheduler the same way.
/// </summary>
public sealed class LinkWatchService(LinkSnapService service, WatchStore watches, WatchScheduler scheduler)
{
    public WatchDto Get(long linkId)
    {
        var link = service.GetLink(linkId);
        return watches.GetWatch(link.Id) is { } w ? WatchDto.From(w) : WatchDto.None(link.Id, link.Url, link.Title);
    }

    public WatchDto Set(long linkId, SchedulePeriod period)
    {
        var watch = watches.SetLinkWatch(linkId, period) ?? throw new NotFoundException($"Link {linkId} does not exist.");
        scheduler.Wake();
        return WatchDto.From(watch);
    }

    /// <summary>The tag's name as the person wrote it when the watch comes through a tag (its source is the tag's key); else null.</summary>
    public string? TagName(WatchDto watch) =>
        watch.Source == WatchStore.LinkSource ? null
        : watches.ListTagWatches().Select(t => t.Tag).FirstOrDefault(t => Core.Storage.TagName.Key(t) == watch.Source) ?? watch.Source;
}
