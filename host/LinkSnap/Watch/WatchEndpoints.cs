using LinkSnap.Api;
using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Watching;
using LinkSnap.Library;

namespace LinkSnap.Watch;

/// <summary>/api/watches, /api/links/{id}/watch, /api/tags/watch, /api/changes, /api/links/{id}/seen.</summary>
public static class WatchEndpoints
{
    private const int RecentChecks = 20;

    public static void MapWatchEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/watches", (string? limit, WatchStore watches) => new WatchListDto(
            watches.CountWatches(),
            watches.ListWatches(ApiErrors.ParseLimit(limit, 100)).Select(WatchDto.From).ToList(),
            watches.ListTagWatches().Select(t => new TagWatchDto(t.Tag, t.Period.ToName())).ToList()));

        api.MapGet("/links/{id}/watch", (string id, LinkWatchService linkWatches, WatchStore watches) =>
        {
            var watch = linkWatches.Get(ApiErrors.ParseId(id, "link"));
            return watch with { Checks = watches.ListChecks(watch.LinkId, RecentChecks).Select(WatchCheckDto.From).ToList() };
        });

        api.MapPut("/links/{id}/watch", async (string id, HttpRequest request, LinkSnapService service, LinkWatchService linkWatches, CancellationToken cancellationToken) =>
        {
            var body = await ApiErrors.ReadBodyAsync<WatchRequestDto>(request, cancellationToken);
            var link = service.GetLink(ApiErrors.ParseId(id, "link"));
            return linkWatches.Set(link.Id, SchedulePeriods.Parse(body.Every));
        });

        api.MapPut("/tags/watch", async (HttpRequest request, WatchStore watches, WatchScheduler scheduler, CancellationToken cancellationToken) =>
        {
            var body = await ApiErrors.ReadBodyAsync<WatchRequestDto>(request, cancellationToken);
            var period = SchedulePeriods.Parse(body.Every);
            var links = watches.SetTagWatch(body.Tag ?? throw new ArgumentException("Send {\"tag\": \"name\", \"every\": \"daily\"}."), period);
            scheduler.Wake();
            return new TagWatchDto(body.Tag, period.ToName(), links);
        });

        api.MapGet("/changes", (string? limit, WatchStore watches) =>
            new ChangesDto(watches.ListChanges(ApiErrors.ParseLimit(limit, 50)).Select(WatchCheckDto.From).ToList()));

        api.MapPost("/links/{id}/seen", (string id, LinkSnapService service, WatchStore watches) =>
        {
            var link = service.GetLink(ApiErrors.ParseId(id, "link"));
            watches.MarkSeen(link.Id);
            return Results.NoContent();
        });
    }
}
