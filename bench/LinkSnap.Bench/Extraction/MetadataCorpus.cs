using System.IO.Compression;
using System.Text.Json;

namespace LinkSnap.Bench.Extraction;

/// <summary>One page of a metadata corpus with its ground truth (null when the set has none for the field).</summary>
public sealed record MetadataPage(string Set, string Id, string? Url, string ContentType, byte[] Html, string? Title, string? Author, string? Published, string? Text);

/// <summary>
/// extraction/postlight and extraction/zh-cwced-dev (corpus README): pages served as they were
/// fetched — without a charset, except the four postlight pages that are UTF-8 Chromium would not detect.
/// </summary>
public static class MetadataCorpus
{
    private static readonly HashSet<string> Utf8Postlight = ["biorxiv.org", "jvndb.jvn.jp", "www.elecom.co.jp", "www.youtube.com"];

    public static IReadOnlyList<MetadataPage> Load(string corpusRoot, string set)
    {
        var root = Path.Combine(corpusRoot, "extraction", set);
        var pages = new List<MetadataPage>();
        foreach (var line in File.ReadLines(Path.Combine(root, "index.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var page = doc.RootElement;
            var id = page.GetProperty("id").GetString()!;
            var gt = page.GetProperty("gt");
            var file = Path.Combine(root, page.GetProperty("html").GetString()!);
            pages.Add(new MetadataPage(
                set,
                id,
                page.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null,
                set == "postlight" && Utf8Postlight.Contains(id) ? "text/html; charset=utf-8" : "text/html",
                Read(file),
                Field(gt, "title"),
                Field(gt, "byline"),
                Field(gt, "published_time"),
                Field(gt, "text")));
        }

        return pages.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    private static string? Field(JsonElement gt, string name) =>
        gt.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString() : null;

    private static byte[] Read(string file)
    {
        if (!file.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllBytes(file);
        }

        using var stream = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
