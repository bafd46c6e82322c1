using System.IO.Compression;
using LinkSnap.Core.Capture.Fetching;
using LinkSnap.Core.Import.Formats;

namespace LinkSnap.Core.Import;

/// <summary>
/// Reads an export file into entries: recognises the format from the content (never from the name), opens
/// zips (Pocket's, Omnivore's) within a cap on the uncompressed size, decodes the text (BOM, meta charset,
/// UTF-8, else detected: GBK files work), and refuses what it cannot read with a message naming the file.
/// </summary>
public static class ImportReader
{
    /// <summary>In detection order: specific shapes first, the plain list of URLs last.</summary>
    public static readonly IReadOnlyList<IImportFormat> Formats =
    [
        new ChromeJsonFormat(), new FirefoxJsonFormat(), new KarakeepJsonFormat(), new LinkwardenJsonFormat(), new OmnivoreJsonFormat(),
        new WallabagJsonFormat(), new PinboardJsonFormat(), new JsonLinkListFormat(), new NetscapeFormat(), new PocketHtmlFormat(),
        new PocketCsvFormat(), new InstapaperCsvFormat(), new UrlListFormat(),
    ];

    public static ParsedImport Read(byte[] bytes, string fileName, ImportOptions options)
    {
        if (bytes.LongLength == 0)
        {
            throw new ImportException($"{fileName} is empty (0 bytes): there are no bookmarks in it.");
        }

        if (bytes.LongLength > options.MaxBytes)
        {
            throw ImportException.TooLarge(fileName, bytes.LongLength, options.MaxBytes);
        }

        var result = IsZip(bytes) ? ReadZip(bytes, fileName, options) : Parse(new ImportText(fileName, Decode(bytes, fileName)), options);
        if (result.Entries.Count > options.MaxEntries)
        {
            throw new ImportException($"{fileName} has {result.Entries.Count:N0} entries; one import takes at most {options.MaxEntries:N0}. Split the file.");
        }

        return result;
    }

    private static ParsedImport Parse(ImportText file, ImportOptions options)
    {
        var format = Formats.FirstOrDefault(f => f.Matches(file)) ?? throw Unknown(file);
        if (format is UrlListFormat && LooksLikeCsv(file))
        {
            throw Unknown(file);
        }

        return format.Parse(file, options);
    }

    private static ImportException Unknown(ImportText file)
    {
        if (file.Json is not null)
        {
            return new ImportException($"{file.FileName} is JSON, but not in a shape LinkSnap knows (Chrome or Firefox bookmarks, Pinboard, wallabag, Omnivore, Karakeep, Linkwarden, or a list of objects with \"url\").");
        }

        if (LooksLikeCsv(file))
        {
            return new ImportException($"{file.FileName} is CSV with the columns {string.Join(",", CsvTable.HeaderOf(file.Text))}; expected Pocket (title,url,time_added,tags,status) or Instapaper (URL,Title,Selection,Folder).");
        }

        var start = file.Head.TrimStart();
        return start.StartsWith('{') || start.StartsWith('[')
            ? new ImportException($"{file.FileName} starts like JSON but is not valid JSON (truncated or damaged).")
            : new ImportException($"{file.FileName} is HTML without bookmarks: expected a Netscape bookmark file (<DL><DT><A HREF=…>) or Pocket's ril_export.html.");
    }

    // A first line of comma-separated names without a URL in it.
    private static bool LooksLikeCsv(ImportText file)
    {
        var first = file.Text.TrimStart('\uFEFF').Split('\n', 2)[0];
        return first.Contains(',') && !first.Contains("://", StringComparison.Ordinal) && !first.TrimStart().StartsWith('<');
    }

    private static string Decode(byte[] bytes, string fileName)
    {
        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        var utf16 = sample.Length >= 2 && ((sample[0] == 0xFF && sample[1] == 0xFE) || (sample[0] == 0xFE && sample[1] == 0xFF));
        if (!utf16 && sample.Contains((byte)0))
        {
            throw new ImportException($"{fileName} is not a text export (it holds binary data); export your bookmarks as HTML, JSON, CSV or a list of URLs.");
        }

        return HtmlDecoder.Decode(bytes, null, isHtml: true).Text;
    }

    private static bool IsZip(byte[] bytes) => bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    private static ParsedImport ReadZip(byte[] bytes, string fileName, ImportOptions options)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                if (entry.IsEncrypted)
                {
                    throw new ImportException($"{fileName}: {entry.FullName} is password-protected; unzip it yourself and import the files inside.");
                }

                using var stream = entry.Open();
                using var copy = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > options.MaxBytes)
                    {
                        throw new ImportException($"{fileName} unpacks to more than {Megabytes(options.MaxBytes)}; that is the limit (a zip bomb stops here).");
                    }

                    copy.Write(buffer, 0, read);
                }

                texts[entry.FullName] = Decode(copy.ToArray(), $"{fileName}: {entry.FullName}");
            }
        }
        catch (InvalidDataException e)
        {
            throw new ImportException($"{fileName} is not a readable zip (truncated or damaged: {e.Message}).");
        }

        // Markdown beside the metadata (Omnivore's content/SLUG.md, highlights) is page content, not a list of links.
        var attachments = texts.Where(t => t.Key.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).ToDictionary(t => t.Key, t => t.Value);
        var parts = texts.Where(t => !attachments.ContainsKey(t.Key) && !string.IsNullOrWhiteSpace(t.Value))
            .Select(t => Parse(new ImportText($"{fileName}: {t.Key}", t.Value, attachments), options))
            .ToList();
        if (parts.Count == 0)
        {
            throw new ImportException($"{fileName} holds no export file (expected Pocket's part_*.csv, Omnivore's metadata_*.json or a bookmark file).");
        }

        return new ParsedImport(parts[0].Format, parts.SelectMany(p => p.Entries).ToList());
    }

    private static string Megabytes(long bytes) => ImportException.Megabytes(bytes);
}
