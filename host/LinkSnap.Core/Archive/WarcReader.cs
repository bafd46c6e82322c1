using System.IO.Compression;
using System.Text;

namespace LinkSnap.Core.Archive;

/// <summary>A WARC record as read back: its named fields and its content block.</summary>
public sealed record WarcRecord(IReadOnlyDictionary<string, string> Fields, byte[] Block)
{
    public string Type => Field("WARC-Type") ?? "";

    public string? TargetUri => Field("WARC-Target-URI");

    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    /// <summary>The HTTP body of request/response records; the whole block otherwise.</summary>
    public ReadOnlySpan<byte> Payload =>
        Field("Content-Type")?.StartsWith("application/http", StringComparison.OrdinalIgnoreCase) == true
            ? Block.AsSpan(HttpMessages.PayloadOffset(Block))
            : Block;
}

/// <summary>Reads the records of a (gzipped) WARC, in order.</summary>
public static class WarcReader
{
    public static IEnumerable<WarcRecord> Read(Stream gzipped)
    {
        using var stream = new BufferedStream(new GZipStream(gzipped, CompressionMode.Decompress, leaveOpen: true));
        foreach (var record in ReadInflated(stream))
        {
            yield return record;
        }
    }

    /// <summary>The records of an uncompressed WARC stream.</summary>
    public static IEnumerable<WarcRecord> ReadInflated(Stream stream)
    {
        while (ReadRecord(stream) is { } record)
        {
            yield return record;
        }
    }

    private static WarcRecord? ReadRecord(Stream stream)
    {
        var version = ReadLine(stream);
        while (version == "")
        {
            version = ReadLine(stream); // the blank lines that end the previous record
        }

        if (version is null)
        {
            return null;
        }

        if (!version.StartsWith("WARC/", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"expected a WARC record, found '{Truncate(version)}'");
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = ReadLine(stream); !string.IsNullOrEmpty(line); line = ReadLine(stream))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        if (!fields.TryGetValue("Content-Length", out var lengthText) || !long.TryParse(lengthText, out var length) || length < 0 || length > int.MaxValue)
        {
            throw new InvalidDataException("a WARC record has no valid Content-Length");
        }

        var block = new byte[length];
        stream.ReadExactly(block);
        return new WarcRecord(fields, block);
    }

    private static string? ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                return Encoding.UTF8.GetString([.. bytes]).TrimEnd('\r');
            }

            bytes.Add((byte)b);
            if (bytes.Count > 64 * 1024)
            {
                throw new InvalidDataException("a WARC header line is longer than 64 KB");
            }
        }

        return bytes.Count == 0 ? null : Encoding.UTF8.GetString([.. bytes]);
    }

    private static string Truncate(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
