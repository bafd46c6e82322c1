using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LinkSnap.Core.Archive;

/// <summary>
/// Packages a WARC, its index and its pages as a WACZ 1.1.1 file: archive/data.warc.gz (stored,
/// not deflated, so replay tools can read records by range), indexes/index.cdx (CDXJ),
/// pages/pages.jsonl, datapackage.json (sha256 and size of every file) and datapackage-digest.json.
/// </summary>
public static class WaczPackager
{
    public const string WarcPath = "archive/" + WarcWriter.FileName;
    public const string IndexPath = "indexes/index.cdx";
    public const string PagesPath = "pages/pages.jsonl";
    public const string DataPackagePath = "datapackage.json";
    public const string DigestPath = "datapackage-digest.json";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Writes the WACZ to <paramref name="outputPath"/> (temp name, then renamed).</summary>
    public static async Task WriteAsync(string outputPath, string warcFile, IEnumerable<CdxjEntry> index, IReadOnlyList<WaczPage> pages, WaczInfo info, CancellationToken cancellationToken)
    {
        await using var warc = File.OpenRead(warcFile);
        await WriteAsync(outputPath, warc, index, pages, info, cancellationToken);
    }

    /// <summary>Same, reading the WARC from the start of <paramref name="warc"/>.</summary>
    public static async Task WriteAsync(string outputPath, Stream warc, IEnumerable<CdxjEntry> index, IReadOnlyList<WaczPage> pages, WaczInfo info, CancellationToken cancellationToken)
    {
        var temp = outputPath + ".tmp";
        await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            var resources = new JsonArray();
            warc.Position = 0;
            resources.Add(await AddAsync(zip, WarcPath, warc, CompressionLevel.NoCompression, cancellationToken));

            var cdx = string.Concat(CdxjEntry.Lines(index).Select(l => l + "\n"));
            resources.Add(await AddAsync(zip, IndexPath, cdx, cancellationToken));
            var jsonl = new StringBuilder("{\"format\":\"json-pages-1.0\",\"id\":\"pages\",\"title\":\"All Pages\"}\n");
            foreach (var page in pages)
            {
                jsonl.Append(JsonSerializer.Serialize(page, Json)).Append('\n');
            }

            resources.Add(await AddAsync(zip, PagesPath, jsonl.ToString(), cancellationToken));

            var package = new JsonObject
            {
                ["profile"] = "data-package",
                ["wacz_version"] = "1.1.1",
                ["title"] = info.Title,
                ["created"] = WarcWriter.FormatDate(info.Created),
                ["software"] = info.Software,
                ["mainPageURL"] = pages.Count > 0 ? pages[0].Url : null,
                ["mainPageDate"] = pages.Count > 0 ? pages[0].Ts : null,
                ["resources"] = resources,
            };
            if (info.PartialReason is not null)
            {
                // Readers that do not know it ignore it; LinkSnap's verify reports it.
                package["linksnapPartial"] = info.PartialReason;
            }

            var packageBytes = JsonSerializer.SerializeToUtf8Bytes(package, new JsonSerializerOptions { WriteIndented = true });
            await AddAsync(zip, DataPackagePath, new MemoryStream(packageBytes), CompressionLevel.Optimal, cancellationToken);
            var digest = new JsonObject { ["path"] = DataPackagePath, ["hash"] = WarcWriter.Digest(packageBytes) };
            await AddAsync(zip, DigestPath, digest.ToJsonString(), cancellationToken);
        }

        File.Move(temp, outputPath, overwrite: true);
    }

    private static Task<JsonObject> AddAsync(ZipArchive zip, string path, string text, CancellationToken cancellationToken) =>
        AddAsync(zip, path, new MemoryStream(Encoding.UTF8.GetBytes(text)), CompressionLevel.Optimal, cancellationToken);

    private static async Task<JsonObject> AddAsync(ZipArchive zip, string path, Stream content, CompressionLevel level, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        await using (var entry = await zip.CreateEntry(path, level).OpenAsync(cancellationToken))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await entry.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                bytes += read;
            }
        }

        return new JsonObject
        {
            ["name"] = Path.GetFileName(path),
            ["path"] = path,
            ["hash"] = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset()),
            ["bytes"] = bytes,
        };
    }
}

/// <summary>What datapackage.json says about the archive as a whole.</summary>
public sealed record WaczInfo(string Title, DateTimeOffset Created, string Software, string? PartialReason = null);
