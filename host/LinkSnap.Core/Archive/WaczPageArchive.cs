using System.Globalization;
using System.Text;

namespace LinkSnap.Core.Archive;

/// <summary>
/// Writes one page of an imported WACZ as a WACZ of its own: its records' gzip members copied byte
/// for byte, a CDXJ index of them, the page's line of pages.jsonl, and datapackage.json naming the
/// tool that recorded it.
/// </summary>
public static class WaczPageArchive
{
    public static async Task WriteAsync(WaczPageRecords page, string outputPath, string software, DateTimeOffset created, CancellationToken cancellationToken)
    {
        using var warc = new MemoryStream();
        var index = new List<CdxjEntry>();
        foreach (var member in page.Members)
        {
            var location = new WarcLocation(warc.Position, member.Bytes.Length);
            warc.Write(member.Bytes);
            if (IndexEntry(member.Record, location) is { } entry)
            {
                index.Add(entry);
            }
        }

        await WaczPackager.WriteAsync(outputPath, warc, index, [page.Page],
            new WaczInfo(page.Page.Title ?? page.Page.Url, created, software), cancellationToken);
    }

    /// <summary>The index line of a response, revisit, resource or metadata record; null for the others.</summary>
    private static CdxjEntry? IndexEntry(WarcRecord record, WarcLocation location)
    {
        if (record.Type is not ("response" or "revisit" or "resource" or "metadata") || record.TargetUri is not { } uri
            || !DateTimeOffset.TryParse(record.Field("WARC-Date"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return null;
        }

        var (status, mime) = record.Type is "response" or "revisit" ? HttpHead(record.Block) : (null, record.Field("Content-Type"));
        return CdxjEntry.For(uri, date, record.Type == "revisit" ? "warc/revisit" : mime?.Split(';')[0].Trim(), status, record.Field("WARC-Payload-Digest"), location);
    }

    /// <summary>Status code and Content-Type of an HTTP response block (a revisit may hold only the head).</summary>
    private static (int? Status, string? Mime) HttpHead(byte[] block)
    {
        var end = block.AsSpan().IndexOf("\r\n\r\n"u8);
        var lines = Encoding.Latin1.GetString(block, 0, end < 0 ? block.Length : end).Split("\r\n");
        var parts = lines[0].Split(' ', 3);
        int? status = parts.Length > 1 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var code) ? code : null;
        var type = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase));
        return (status, type?["Content-Type:".Length..].Trim());
    }
}
