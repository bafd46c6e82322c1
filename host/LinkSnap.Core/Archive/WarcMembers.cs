using System.Buffers.Binary;
using System.IO.Compression;

namespace LinkSnap.Core.Archive;

/// <summary>One record of a WARC file as it lies there: its gzip member's bytes (copied as they are) and the record read from them.</summary>
public sealed record WarcMember(string File, long Offset, byte[] Bytes, WarcRecord Record);

/// <summary>
/// Splits a gzipped WARC into its records' gzip members without recompressing anything, so records
/// can be moved between archives byte for byte. .NET's GZipStream reads concatenated members as one
/// stream and does not say where one ends, so a member ends at the first following gzip header
/// (1f 8b 08) where the bytes before it inflate to exactly one WARC record whose length matches the
/// member's ISIZE trailer.
/// </summary>
public static class WarcMembers
{
    private static readonly byte[] GzipMagic = [0x1f, 0x8b, 0x08];

    public static IEnumerable<WarcMember> Split(string file, byte[] warc)
    {
        var start = 0;
        while (start < warc.Length)
        {
            if (warc.Length - start < 18 || warc[start] != 0x1f || warc[start + 1] != 0x8b)
            {
                throw new InvalidDataException($"{file}: no gzip record at offset {start} (only WARCs with one gzip member per record are read)");
            }

            var candidate = start + 18;
            while (true)
            {
                var next = warc.AsSpan(candidate).IndexOf(GzipMagic);
                var end = next < 0 ? warc.Length : candidate + next;
                if (TryRead(warc, start, end) is { } record)
                {
                    yield return new WarcMember(file, start, warc[start..end], record);
                    start = end;
                    break;
                }

                if (next < 0)
                {
                    throw new InvalidDataException($"{file}: the record at offset {start} does not inflate to one WARC record");
                }

                candidate = end + 1;
            }
        }
    }

    private static WarcRecord? TryRead(byte[] warc, int start, int end)
    {
        var size = BinaryPrimitives.ReadUInt32LittleEndian(warc.AsSpan(end - 4));
        try
        {
            using var inflated = new MemoryStream();
            using (var gzip = new GZipStream(new MemoryStream(warc, start, end - start), CompressionMode.Decompress))
            {
                gzip.CopyTo(inflated);
            }

            if ((uint)inflated.Length != size)
            {
                return null;
            }

            inflated.Position = 0;
            var records = WarcReader.ReadInflated(inflated).Take(2).ToList();
            return records.Count == 1 ? records[0] : null;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            return null;
        }
    }
}
