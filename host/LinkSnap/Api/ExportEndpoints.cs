using System.Globalization;
using LinkSnap.Core.Export;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace LinkSnap.Api;

/// <summary>
/// GET /api/export: the selected links (the filters of GET /api/links, or ids=1,2,3) as a download
/// in html, json, csv or zip, streamed as they are read (docs/api.md, docs/export.md).
/// </summary>
public static class ExportEndpoints
{
    public const int MaxIds = 10_000;

    public static void MapExportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/export", async (HttpContext context, LibraryExporter exporter, CancellationToken cancellationToken) =>
        {
            var query = context.Request.Query;
            var format = ExportFormats.Parse(query["format"].ToString());
            var selection = new ExportSelection { Filter = LinkEndpoints.ParseQuery(query), LinkIds = ParseIds(query["ids"].ToString()) };

            // ZipArchive writes to its stream synchronously; the other formats write asynchronously.
            context.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
            context.Response.ContentType = ExportFormats.ContentType(format);
            context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = exporter.FileName(format) }.ToString();
            context.Response.Headers.CacheControl = "no-store";
            await exporter.WriteAsync(selection, format, context.Response.Body, cancellationToken);
            return Results.Empty;
        });
    }

    private static List<long>? ParseIds(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var ids = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException($"ids must be link ids separated by commas; '{id}' is not one."))
            .ToList();
        return ids.Count <= MaxIds ? ids : throw new ArgumentException($"Export at most {MaxIds} picked links at once, or export by tag or search.");
    }
}
