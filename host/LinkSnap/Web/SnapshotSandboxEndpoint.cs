namespace LinkSnap.Web;

/// <summary>
/// GET /api/snapshots/{id}/sandbox → {origin, baseUrl}: where the page frames a snapshot's files.
/// The capability in baseUrl is what lets the cookie-less sandbox origin serve that one snapshot;
/// append a file name for the file itself, or "reader/" + the article file name for the reader view.
/// </summary>
internal static class SnapshotSandboxEndpoint
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/snapshots/{id}/sandbox", (string id, LibrarySession session, SnapshotFiles files) =>
        {
            if (!SafeFilePath.IsPlainFileName(id))
            {
                return Results.Problem(statusCode: 400, title: "Bad snapshot id", detail: "A snapshot id is letters, digits, '-', '_' and '.'.");
            }

            if (files.Find(id) is not { } snapshot || files.FolderOf(snapshot) is null)
            {
                return Results.Problem(statusCode: 404, title: "Snapshot files not found",
                    detail: $"No files are on disk for snapshot {id}: it is still queued, or it was deleted, or its folder is missing.");
            }

            var origin = $"http://127.0.0.1:{session.SnapshotPort}";
            return Results.Ok(new { origin, baseUrl = $"{origin}/s/{Uri.EscapeDataString(id)}/{session.SnapshotCapability(id)}/" });
        });
    }
}
