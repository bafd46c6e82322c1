using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace LinkSnap.Core.Archive;

/// <summary>
/// Builds one WACZ from many: each source's WARC records are copied byte for byte (gzip members
/// concatenate into one valid file), their index lines shifted to the new offsets, their pages
/// kept. Pages without an archive (as-seen captures: no HTTP exchange) are added as resource
/// records of the serialized page, marked with WARC-LinkSnap-Capture: as-seen.
/// </summary>
public sealed class WaczMerger : IDisposable
{
    public const string AsSeenField = "WARC-LinkSnap-Capture";

    private readonly FileStream _warc;
    private readonly WarcWriter _writer;
    private readonly List<CdxjEntry> _index = [];
    private readonly List<WaczPage> _pages = [];

    public WaczMerger(string warcPath)
    {
        WarcPath = warcPath;
        _warc = new FileStream(warcPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        _writer = new WarcWriter(_warc);
    }

    public string WarcPath { get; }

    public int Pages => _pages.Count;

    public async Task AddWaczAsync(string waczPath, CancellationToken cancellationToken)
    {
        using var zip = ZipFile.OpenRead(waczPath);
        var offset = _warc.Position;
        await using (var warc = await zip.GetEntry(WaczPackager.WarcPath)!.OpenAsync(cancellationToken))
        {
            await warc.CopyToAsync(_warc, cancellationToken);
        }

        foreach (var line in await LinesAsync(zip, WaczPackager.IndexPath, cancellationToken))
        {
            var entry = CdxjEntry.Parse(line);
            _index.Add(entry with { Offset = (long.Parse(entry.Offset, System.Globalization.CultureInfo.InvariantCulture) + offset).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        foreach (var line in (await LinesAsync(zip, WaczPackager.PagesPath, cancellationToken)).Skip(1))
        {
            if (JsonSerializer.Deserialize<WaczPage>(line) is { } page)
            {
                _pages.Add(page);
            }
        }
    }

    /// <summary>An as-seen capture: its serialized page as a marked resource record, and a page entry.</summary>
    public void AddAsSeen(string url, DateTimeOffset date, string? title, string? text, byte[] html)
    {
        var digest = WarcWriter.Digest(html);
        var location = _writer.Write("resource", WarcWriter.NewRecordId(), date,
        [
            new("WARC-Target-URI", url), new("Content-Type", "text/html; charset=utf-8"), new("WARC-Payload-Digest", digest),
            new(AsSeenField, "as-seen: the DOM serialized from the user's tab (scripts removed, resources inlined), not an HTTP response"),
        ], html);
        _index.Add(CdxjEntry.For(url, date, "text/html", null, digest, location));
        _pages.Add(new WaczPage { Id = Guid.NewGuid().ToString("N"), Url = url, Ts = WaczPage.FormatTs(date), Title = title, Text = text });
    }

    public async Task WriteAsync(string outputPath, WaczInfo info, CancellationToken cancellationToken)
    {
        await _warc.FlushAsync(cancellationToken);
        await WaczPackager.WriteAsync(outputPath, _warc, _index, _pages, info, cancellationToken);
    }

    private static async Task<string[]> LinesAsync(ZipArchive zip, string path, CancellationToken cancellationToken)
    {
        if (zip.GetEntry(path) is not { } entry)
        {
            return [];
        }

        await using var stream = await entry.OpenAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return (await reader.ReadToEndAsync(cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public void Dispose() => _warc.Dispose();
}
