using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace LinkSnap.Core.Archive;

/// <summary>
/// Writes WARC/1.1 records, each one its own gzip member (so a reader can seek to any record by
/// the offset and length the CDXJ index gives). Block digests are sha256 in warcio's form
/// ("sha256:" + hex). Not thread-safe: <see cref="CaptureArchive"/> serializes the calls.
/// </summary>
public sealed class WarcWriter(Stream output)
{
    public const string FileName = "data.warc.gz";

    /// <summary>Writes one record and returns where it lies in the file.</summary>
    /// <param name="headers">WARC named fields after WARC-Type, WARC-Record-ID and WARC-Date (no Content-Length, no block digest).</param>
    public WarcLocation Write(string type, string recordId, DateTimeOffset date, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> block)
    {
        var head = new StringBuilder()
            .Append("WARC/1.1\r\n")
            .Append("WARC-Type: ").Append(type).Append("\r\n")
            .Append("WARC-Record-ID: ").Append(recordId).Append("\r\n")
            .Append("WARC-Date: ").Append(FormatDate(date)).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(Clean(value)).Append("\r\n");
        }

        if (type != "warcinfo")
        {
            head.Append("WARC-Block-Digest: ").Append(Digest(block)).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(block.Length).Append("\r\n\r\n");

        var offset = output.Position;
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(head.ToString()));
            gzip.Write(block);
            gzip.Write("\r\n\r\n"u8);
        }

        return new WarcLocation(offset, output.Position - offset);
    }

    public static string NewRecordId() => $"<urn:uuid:{Guid.NewGuid()}>";

    public static string Digest(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>WARC 1.1 allows fractions of a second; milliseconds keep records of one capture apart.</summary>
    public static string FormatDate(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    // A header value never spans lines: a CR or LF from a hostile server would forge fields.
    private static string Clean(string value) => value.Contains('\r') || value.Contains('\n') ? value.Replace("\r", " ").Replace("\n", " ") : value;
}

/// <summary>Where a record's gzip member lies in the WARC file.</summary>
public readonly record struct WarcLocation(long Offset, long Length);
