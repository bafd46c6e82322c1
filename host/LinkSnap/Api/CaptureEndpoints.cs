using LinkSnap.Core.Storage;
using LinkSnap.Library;

namespace LinkSnap.Api;

/// <summary>POST /api/captures (one URL) and /api/captures/list (many), recapture, retry and GET /api/lookup.</summary>
public static class CaptureEndpoints
{
    public static void MapCaptureEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/captures", async (HttpRequest request, LinkSnapService service, CancellationToken cancellationToken) =>
        {
            var input = await ApiErrors.ReadBodyAsync<CaptureInput>(request, cancellationToken);
            var ticket = service.Capture(input);
            return Results.Json(new CaptureAcceptedDto(ticket.LinkId, ticket.SnapshotId, SnapshotStatus.Queued), statusCode: StatusCodes.Status202Accepted);
        });

        api.MapPost("/captures/list", async (HttpRequest request, CaptureList list, CancellationToken cancellationToken) =>
        {
            var input = await ApiErrors.ReadBodyAsync<CaptureListInput>(request, cancellationToken);
            return Results.Json(list.Capture(input), statusCode: StatusCodes.Status202Accepted);
        });

        api.MapPost("/links/{id}/recapture", async (string id, HttpRequest request, LinkSnapService service, CancellationToken cancellationToken) =>
        {
            var body = request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any()
                ? new RecaptureDto(null, null)
                : await ApiErrors.ReadBodyAsync<RecaptureDto>(request, cancellationToken);
            var snapshotId = service.Recapture(ApiErrors.ParseId(id, "link"), body.Mode, body.Html);
            return Results.Json(new { snapshotId, status = SnapshotStatus.Queued }, statusCode: StatusCodes.Status202Accepted);
        });

        api.MapPost("/snapshots/{id}/retry", (string id, LinkSnapService service) =>
        {
            var snapshotId = ApiErrors.ParseId(id, "snapshot");
            service.Retry(snapshotId);
            return Results.Json(new { snapshotId, status = SnapshotStatus.Queued }, statusCode: StatusCodes.Status202Accepted);
        });

        api.MapGet("/lookup", (string? url, LinkSnapService service) =>
        {
            var link = service.Lookup(url);
            return link is null
                ? new LookupDto(false, null, 0, null, [])
                : new LookupDto(true, link.Id, link.SnapshotCount, link.Latest?.CreatedAt, link.Tags);
        });
    }
}
