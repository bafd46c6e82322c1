using LinkSnap.Core.Snapshots;
using LinkSnap.Library;
using LinkSnap.Web;
using Microsoft.AspNetCore.StaticFiles;

namespace LinkSnap.Api;

/// <summary>/api/snapshots (detail, files, delete) and /api/jobs.</summary>
public static class SnapshotEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void MapSnapshotEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/snapshots/{id}", (string id, LinkSnapService service, SnapshotFolders folders) =>
        {
            var snapshot = service.GetSnapshot(ApiErrors.ParseId(id, "snapshot"));
            return SnapshotDto.Detail(snapshot, snapshot.Folder is null ? null : folders.Resolve(snapshot.Folder));
        });

        api.MapGet("/snapshots/{id}/files/{fileName}", (string id, string fileName, LinkSnapService service, SnapshotFiles files, HttpContext context) =>
        {
            var snapshot = service.GetSnapshot(ApiErrors.ParseId(id, "snapshot"));
            var file = files.Resolve(snapshot, fileName)
                ?? throw new NotFoundException($"Snapshot {snapshot.Id} has no file '{fileName}'.");

            // Archived pages are hostile content: never let one run in the library's origin.
            context.Response.Headers.ContentSecurityPolicy = LinkSnap.Web.SnapshotOrigin.ContentSecurityPolicy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            var contentType = file.Artifact?.ContentType ?? (ContentTypes.TryGetContentType(fileName, out var type) ? type : "application/octet-stream");
            return Results.File(file.Path, contentType, enableRangeProcessing: true);
        });

        api.MapDelete("/snapshots/{id}", (string id, LinkSnapService service) =>
        {
            service.DeleteSnapshot(ApiErrors.ParseId(id, "snapshot"));
            return Results.NoContent();
        });

        api.MapGet("/jobs", (string? limit, LinkSnapService service) =>
            new { items = service.RecentJobs(ApiErrors.ParseLimit(limit, 50)).Select(SnapshotDto.From).ToList() });
    }
}
