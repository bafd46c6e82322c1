using System.Globalization;
using LinkSnap.Core.Archive;
using LinkSnap.Core.Import;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Urls;
using LinkSnap.Shared;

namespace LinkSnap.Imports;

/// <summary>
/// The Import page's preview of a WACZ, judged by its content like every other format: its pages, the ones
/// already saved and the ones that cannot be imported, with reasons. Importing it goes through
/// POST /api/imports/wacz (each page a link with an imported version), not the bookmark importer.
/// </summary>
public sealed class WaczPreview(LinkStore store, LinkSnapPaths paths)
{
    /// <summary>The preview's format; the page sends a file previewed as this to /api/imports/wacz.</summary>
    public const string Format = "WACZ";

    public static bool IsWacz(byte[] bytes) => WaczSource.IsWacz(new MemoryStream(bytes, writable: false));

    public async Task<ImportPreview> PreviewAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(paths.DataDirectory, $".import-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        WaczSource source;
        try
        {
            var file = Path.Combine(scratch, "upload.wacz");
            await File.WriteAllBytesAsync(file, request.Bytes, cancellationToken);
            source = await WaczSource.ReadAsync(file, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new ArgumentException($"{request.FileName}: the WACZ cannot be read: {e.Message}. Nothing was imported from it.");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        var invalid = source.Skipped.Select(s => new ImportRejection("", s.Url, s.Reason)).ToList();
        var pages = new List<(WaczPage Page, Uri Url)>();
        foreach (var (page, position) in source.Pages.Select((p, i) => (p.Page, i + 1)))
        {
            if (Uri.TryCreate(page.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                pages.Add((page, url));
            }
            else
            {
                invalid.Add(new ImportRejection($"page {position}", page.Url, "not an http or https page")); // the importer's rule (WaczImporter)
            }
        }

        var distinct = pages.DistinctBy(p => UrlNormalizer.Normalize(p.Url)).ToList();
        return new ImportPreview(
            request.FileName,
            Format,
            source.Pages.Count + source.Skipped.Count,
            pages.Count,
            pages.Count - distinct.Count,
            store.CountSavedUrls(distinct.Select(p => UrlNormalizer.Normalize(p.Url))),
            invalid,
            pages.Take(ImportPreview.SampleSize).Select(p => new ImportSampleRow(p.Page.Url, p.Page.Title ?? "", request.Options.ExtraTags, SavedAt(p.Page), "")).ToList());
    }

    private static DateTimeOffset? SavedAt(WaczPage page) =>
        DateTimeOffset.TryParse(page.Ts, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ts) ? ts : null;
}
