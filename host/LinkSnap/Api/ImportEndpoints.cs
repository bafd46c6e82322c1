using LinkSnap.Imports;

namespace LinkSnap.Api;

/// <summary>Imports: POST /api/imports/preview (bookmark files and WACZ) and /api/imports (the file as the raw body), progress, pause/resume/cancel.</summary>
public static class ImportEndpoints
{
    /// <summary>An upload larger than this is refused before it is read.</summary>
    public const long MaxUploadBytes = Core.Import.ImportOptions.MaxFileBytes;

    public static void MapImportEndpoints(this RouteGroupBuilder api)
    {
        // A WACZ is previewed here too (the Import page judges no file by its name); it is imported by POST /api/imports/wacz.
        api.MapPost("/imports/preview", async (HttpRequest request, ImportService imports, WaczPreview wacz, CancellationToken cancellationToken) =>
        {
            var upload = ImportRequest.From(request, await ReadFileAsync(request, cancellationToken));
            return WaczPreview.IsWacz(upload.Bytes) ? await wacz.PreviewAsync(upload, cancellationToken) : imports.Preview(upload);
        }).Accepts<Stream>("application/octet-stream"); // raw uploads pass the JSON-only rule over TCP (docs/api.md)

        api.MapPost("/imports", async (HttpRequest request, ImportService imports, CancellationToken cancellationToken) =>
        {
            var (progress, preview) = imports.Start(ImportRequest.From(request, await ReadFileAsync(request, cancellationToken)));
            return Results.Json(new ImportStartedDto(progress, preview), statusCode: StatusCodes.Status202Accepted);
        }).Accepts<Stream>("application/octet-stream");

        api.MapGet("/imports", (ImportService imports) => imports.List());
        api.MapGet("/imports/{id}", (string id, ImportService imports) => imports.Get(ApiErrors.ParseId(id, "import")));
        api.MapGet("/imports/{id}/failed", (string id, ImportService imports) => imports.Failed(ApiErrors.ParseId(id, "import")));
        api.MapGet("/imports/{id}/invalid", (string id, ImportService imports) => imports.Invalid(ApiErrors.ParseId(id, "import")));
        api.MapPost("/imports/{id}/{action}", (string id, string action, ImportService imports) =>
            imports.Act(ApiErrors.ParseId(id, "import"), action));
    }

    private static async Task<byte[]> ReadFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxUploadBytes)
        {
            var name = request.Query["name"].ToString();
            throw Core.Import.ImportException.TooLarge(string.IsNullOrWhiteSpace(name) ? "The file" : Path.GetFileName(name), request.ContentLength.Value, MaxUploadBytes);
        }

        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxUploadBytes;
        }

        // A body of known length is read into one array of that size: a growing MemoryStream and its ToArray
        // held the upload up to three times over (decision 082).
        if (request.ContentLength is { } length)
        {
            var bytes = new byte[length];
            await request.Body.ReadExactlyAsync(bytes, cancellationToken);
            return bytes;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
