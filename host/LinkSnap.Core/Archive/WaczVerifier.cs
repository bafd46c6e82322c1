using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace LinkSnap.Core.Archive;

/// <summary>
/// Checks a WACZ file: datapackage-digest.json covers datapackage.json, every file has the sha256
/// and size datapackage.json gives (and no file is unlisted), every WARC record's block and
/// payload digests hold, and every CDXJ line points at a record of its URI with its digest.
/// </summary>
public static class WaczVerifier
{
    public static async Task<WaczReport> VerifyAsync(string path, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        int records = 0, indexed = 0;
        string? partial = null;
        using var zip = ZipFile.OpenRead(path);
        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, StringComparer.Ordinal);
        if (!files.TryGetValue(WaczPackager.DataPackagePath, out var packageEntry))
        {
            return new WaczReport(["datapackage.json is missing"], 0, 0, null);
        }

        var packageBytes = await ReadAllAsync(packageEntry, cancellationToken);
        if (!files.TryGetValue(WaczPackager.DigestPath, out var digestEntry))
        {
            problems.Add("datapackage-digest.json is missing");
        }
        else
        {
            using var digest = JsonDocument.Parse(await ReadAllAsync(digestEntry, cancellationToken));
            if (digest.RootElement.GetProperty("hash").GetString() != WarcWriter.Digest(packageBytes))
            {
                problems.Add("datapackage.json does not match the hash in datapackage-digest.json");
            }
        }

        using var package = JsonDocument.Parse(packageBytes);
        if (package.RootElement.TryGetProperty("linksnapPartial", out var partialReason))
        {
            partial = partialReason.GetString();
        }

        var listed = new HashSet<string>(StringComparer.Ordinal) { WaczPackager.DataPackagePath, WaczPackager.DigestPath };
        foreach (var resource in package.RootElement.GetProperty("resources").EnumerateArray())
        {
            var file = resource.GetProperty("path").GetString() ?? "";
            listed.Add(file);
            if (!files.TryGetValue(file, out var entry))
            {
                problems.Add($"{file} is listed in datapackage.json but missing");
                continue;
            }

            var (hash, bytes) = await HashAsync(entry, cancellationToken);
            if (hash != resource.GetProperty("hash").GetString() || bytes != resource.GetProperty("bytes").GetInt64())
            {
                problems.Add($"{file} does not match its sha256 or size in datapackage.json (changed after packaging)");
            }
        }

        problems.AddRange(files.Keys.Where(f => !listed.Contains(f)).Select(f => $"{f} is not listed in datapackage.json"));

        var warcs = files.Values.Where(e => e.FullName.StartsWith("archive/", StringComparison.Ordinal)).ToList();
        var index = files.TryGetValue(WaczPackager.IndexPath, out var indexEntry)
            ? (await ReadTextAsync(indexEntry, cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            : [];
        foreach (var warc in warcs)
        {
            var temp = Path.GetTempFileName();
            try
            {
                await using (var copy = File.Create(temp))
                await using (var source = await warc.OpenAsync(cancellationToken))
                {
                    await source.CopyToAsync(copy, cancellationToken);
                }

                records += CheckRecords(temp, warc.FullName, problems);
                indexed += CheckIndex(temp, Path.GetFileName(warc.FullName), index, problems);
            }
            finally
            {
                File.Delete(temp);
            }
        }

        if (warcs.Count == 0)
        {
            problems.Add("the archive/ folder holds no WARC file");
        }

        if (indexed != index.Length)
        {
            problems.Add($"{index.Length - indexed} index lines name no WARC file of the archive");
        }

        return new WaczReport(problems, records, indexed, partial);
    }

    private static int CheckRecords(string warcFile, string name, List<string> problems)
    {
        var count = 0;
        try
        {
            using var stream = File.OpenRead(warcFile);
            foreach (var record in WarcReader.Read(stream))
            {
                count++;
                CheckDigests(record, $"{name} record {count} ({record.Type} {record.TargetUri})", problems);
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            problems.Add($"{name} cannot be read after record {count}: {e.Message}");
        }

        return count;
    }

    private static void CheckDigests(WarcRecord record, string what, List<string> problems)
    {
        if (record.Field("WARC-Block-Digest") is { } block && block != WarcWriter.Digest(record.Block))
        {
            problems.Add($"{what}: block digest does not match");
        }

        if (record.Type is "response" or "resource" && record.Field("WARC-Payload-Digest") is { } payload && payload != WarcWriter.Digest(record.Payload))
        {
            problems.Add($"{what}: payload digest does not match");
        }
    }

    private static int CheckIndex(string warcFile, string fileName, string[] lines, List<string> problems)
    {
        var count = 0;
        using var stream = File.OpenRead(warcFile);
        foreach (var line in lines)
        {
            CdxjEntry entry;
            try
            {
                entry = CdxjEntry.Parse(line);
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                problems.Add($"index line cannot be read: {e.Message}");
                continue;
            }

            if (entry.Filename != fileName)
            {
                continue;
            }

            count++;
            try
            {
                var bytes = new byte[long.Parse(entry.Length, System.Globalization.CultureInfo.InvariantCulture)];
                stream.Position = long.Parse(entry.Offset, System.Globalization.CultureInfo.InvariantCulture);
                stream.ReadExactly(bytes);
                var record = WarcReader.Read(new MemoryStream(bytes)).First();
                if (record.TargetUri != entry.Url || (entry.Digest is not null && record.Field("WARC-Payload-Digest")?.Split(':', 2)[^1] != entry.Digest))
                {
                    problems.Add($"index entry for {entry.Url} points at a record of {record.TargetUri} or another payload");
                }
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or InvalidOperationException or OverflowException)
            {
                problems.Add($"index entry for {entry.Url} does not point at a readable record: {e.Message}");
            }
        }

        return count;
    }

    private static async Task<byte[]> ReadAllAsync(ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        await using var stream = await entry.OpenAsync(cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static async Task<string> ReadTextAsync(ZipArchiveEntry entry, CancellationToken cancellationToken) =>
        System.Text.Encoding.UTF8.GetString(await ReadAllAsync(entry, cancellationToken));

    private static async Task<(string Hash, long Bytes)> HashAsync(ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await entry.OpenAsync(cancellationToken);
            using var sha = SHA256.Create();
            var hash = await sha.ComputeHashAsync(stream, cancellationToken);
            return ("sha256:" + Convert.ToHexStringLower(hash), entry.Length);
        }
        catch (InvalidDataException)
        {
            return ("", -1); // a damaged zip entry (CRC mismatch) counts as changed
        }
    }
}

/// <summary>What <see cref="WaczVerifier"/> found: no problems means the archive is intact.</summary>
public sealed record WaczReport(IReadOnlyList<string> Problems, int Records, int IndexLines, string? PartialReason)
{
    public bool IsValid => Problems.Count == 0;
}
