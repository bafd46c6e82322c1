using LinkSnap.Core.Archive;
using LinkSnap.Shared;

namespace LinkSnap.Api;

/// <summary>POST /api/imports/wacz: a WACZ (raw body) becomes links with imported versions, one per page (docs/api.md).</summary>
public static class WaczImportEndpoints
{
    /// <summary>A WACZ larger than this is refused before it is read (its WARCs are read into memory, <see cref="WaczSource.MaxWarcBytes"/>).</summary>
    public const long MaxUploadBytes = WaczSource.MaxWarcBytes + (64L << 20);

    public static void MapWaczImportEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/imports/wacz", async (HttpRequest request, WaczImporter importer, LinkSnapPaths paths, CancellationToken cancellationToken) =>
        {
            if (request.ContentLength > MaxUploadBytes)
            {
                throw new ArgumentException($"The file is {request.ContentLength >> 20} MB; a WACZ import takes at most {MaxUploadBytes >> 20} MB.");
            }

            if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxUploadBytes;
            }

            var scratch = Path.Combine(paths.DataDirectory, $".import-{Guid.NewGuid():N}");
            Directory.CreateDirectory(scratch);
            try
            {
                var upload = Path.Combine(scratch, "upload.wacz");
                await using (var file = File.Create(upload))
                {
                    await request.Body.CopyToAsync(file, cancellationToken);
                }

                if (!WaczSource.IsWacz(upload))
                {
                    throw new ArgumentException("This is not a WACZ: a WACZ is a zip with pages/pages.jsonl and gzipped WARC files under archive/.");
                }

                try
                {
                    return Results.Json(await importer.ImportAsync(upload, request.Query["tag"].OfType<string>().ToList(), scratch, cancellationToken));
                }
                catch (InvalidDataException e)
                {
                    throw new ArgumentException($"The WACZ cannot be read: {e.Message}. Nothing was imported from it.");
                }
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        }).Accepts<Stream>("application/octet-stream"); // raw uploads pass the JSON-only rule over TCP (docs/api.md)
}
