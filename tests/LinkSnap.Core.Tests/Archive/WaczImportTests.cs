using System.IO.Compression;
using System.Text;
using LinkSnap.Core.Archive;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Tests.Export;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Archive;

/// <summary>
/// WACZ files shaped like other tools' (Browsertrix: records marked WARC-Page-ID, pages interleaved
/// across two WARC files; ArchiveWeb.page: no page marks, one WARC): each page becomes an imported
/// version holding exactly its own records, byte for byte; a page without its own record is refused
/// with a reason.
/// </summary>
[TestFixture]
public sealed class WaczImportTests
{
    private static readonly DateTimeOffset Date = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Browsertrix_pages_get_the_records_marked_with_their_page_id_across_warc_files()
    {
        using var temp = new TempDirectory();
        var one = new List<byte[]>();
        var two = new List<byte[]>();
        one.Add(Record("warcinfo", null, null, "software: Browsertrix-Crawler"));
        one.Add(Record("response", "https://a.example/", "pa", "<h1>A</h1>"));
        one.Add(Record("response", "https://b.example/", "pb", "<h1>B</h1>"));
        one.Add(Record("response", "https://a.example/a.css", "pa", "h1{color:red}"));
        two.Add(Record("response", "https://b.example/b.png", "pb", "PNG"));
        two.Add(Record("response", "https://a.example/a.png", "pa", "PNG-A"));
        var wacz = Wacz(temp.Path, "Browsertrix-Crawler 1.2.0 (with warcio.js 2.2.1)",
            [("pa", "https://a.example/"), ("pb", "https://b.example/"), ("pc", "https://c.example/")],
            ("archive/rec-1.warc.gz", one), ("archive/rec-2.warc.gz", two));

        var (result, versions) = await ImportAsync(temp.Path, wacz);

        Assert.That(result.ImportedFrom, Is.EqualTo("WACZ (Browsertrix)"));
        Assert.That(result.Skipped.Select(s => (s.Url, s.Reason)), Is.EqualTo(new[] { ("https://c.example/", "the archive holds no record of the page itself") }));
        Assert.That(versions["https://a.example/"], Is.EqualTo(new[] { one[0], one[1], one[3], two[1] }), "page A: the warcinfo before it and its marked records");
        Assert.That(versions["https://b.example/"], Is.EqualTo(new[] { one[2], two[0] }));
    }

    [Test]
    public async Task ArchiveWeb_page_records_go_to_the_page_whose_document_precedes_them()
    {
        using var temp = new TempDirectory();
        var records = new List<byte[]>
        {
            Record("warcinfo", null, null, "software: ArchiveWeb.page"),
            Record("response", "https://a.example/", null, "<h1>A</h1>"),
            Record("request", "https://a.example/", null, ""),
            Record("response", "https://a.example/a.css", null, "h1{color:red}"),
            Record("response", "http://b.example/", null, "<h1>B</h1>"),
            Record("response", "http://b.example/b.png", null, "PNG"),
        };
        var wacz = Wacz(temp.Path, "ArchiveWeb.page 0.12.8, using warcio.js 2.2.1", [("1", "https://a.example/"), ("2", "http://b.example/")], ("archive/data.warc.gz", records));

        var (result, versions) = await ImportAsync(temp.Path, wacz);

        Assert.That(result.ImportedFrom, Is.EqualTo("WACZ (ArchiveWeb.page)"));
        Assert.That(result.Imported.Select(p => p.Records), Is.EqualTo(new[] { 4, 2 }));
        Assert.That(versions["https://a.example/"], Is.EqualTo(records.Take(4)));
        Assert.That(versions["http://b.example/"], Is.EqualTo(records.Skip(4)));
    }

    /// <summary>Imports into an empty library; returns each imported page's version's records (gzip members) after checking the version.</summary>
    private static async Task<(WaczImportResult, Dictionary<string, List<byte[]>>)> ImportAsync(string scratch, string wacz)
    {
        using var library = new SampleLibrary();
        var journal = new LinkJournal(library.Paths, library.Clock);
        var importer = new WaczImporter(library.Store, new ImportedVersions(library.Store, library.Folders, new SnapshotWriter(library.Store, library.Folders), library.Clock), journal, library.Clock);
        var result = await importer.ImportAsync(wacz, ["imported"], Path.Combine(scratch, "work"), CancellationToken.None);
        var versions = new Dictionary<string, List<byte[]>>();
        foreach (var page in result.Imported)
        {
            var snapshot = library.Store.Snapshots.GetSnapshot(page.SnapshotId!.Value)!;
            Assert.That((snapshot.Mode, snapshot.Status, snapshot.ImportedFrom), Is.EqualTo((CaptureMode.Imported, Core.Storage.SnapshotStatus.Done, result.ImportedFrom)));
            Assert.That(library.Store.GetLink(page.LinkId)!.Tags, Does.Contain("imported"));
            var archive = Path.Combine(library.Paths.DataDirectory, snapshot.Folder!, ArtifactFiles.Wacz);
            Assert.That((await WaczVerifier.VerifyAsync(archive, CancellationToken.None)).Problems, Is.Empty, page.Url);
            using var zip = ZipFile.OpenRead(archive);
            using var bytes = new MemoryStream();
            await using (var warc = zip.GetEntry(WaczPackager.WarcPath)!.Open())
            {
                await warc.CopyToAsync(bytes);
            }

            versions[page.Url] = WarcMembers.Split("data.warc.gz", bytes.ToArray()).Select(m => m.Bytes).ToList();
        }

        Assert.That(journal.ReadLatest([]).Count, Is.EqualTo(result.Imported.Count), "links.jsonl knows every imported link");
        return (result, versions);
    }

    private static byte[] Record(string type, string? uri, string? pageId, string body)
    {
        using var stream = new MemoryStream();
        List<KeyValuePair<string, string>> headers = [];
        if (uri is not null)
        {
            headers.Add(new("WARC-Target-URI", uri));
        }

        if (pageId is not null)
        {
            headers.Add(new("WARC-Page-ID", pageId));
        }

        var block = type switch
        {
            "response" => Encoding.UTF8.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}"),
            "request" => Encoding.UTF8.GetBytes($"GET / HTTP/1.1\r\nHost: a.example\r\n\r\n"),
            _ => Encoding.UTF8.GetBytes(body),
        };
        if (type is "response" or "request")
        {
            headers.Add(new("Content-Type", $"application/http; msgtype={type}"));
        }

        if (type == "response")
        {
            headers.Add(new("WARC-Payload-Digest", WarcWriter.Digest(block.AsSpan(HttpMessages.PayloadOffset(block)))));
        }

        new WarcWriter(stream).Write(type, WarcWriter.NewRecordId(), Date, headers, block);
        return stream.ToArray();
    }

    private static string Wacz(string folder, string software, (string Id, string Url)[] pages, params (string Path, List<byte[]> Records)[] warcs)
    {
        var path = Path.Combine(folder, "source.wacz");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, records) in warcs)
        {
            using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
            records.ForEach(r => entry.Write(r));
        }

        using (var writer = new StreamWriter(zip.CreateEntry(WaczPackager.PagesPath).Open()))
        {
            writer.Write("{\"format\":\"json-pages-1.0\",\"id\":\"pages\"}\n" + string.Concat(pages.Select(p => $"{{\"id\":\"{p.Id}\",\"url\":\"{p.Url}\",\"ts\":\"2025-03-01T08:00:00Z\",\"title\":\"Page {p.Id}\"}}\n")));
        }

        using (var writer = new StreamWriter(zip.CreateEntry(WaczPackager.DataPackagePath).Open()))
        {
            writer.Write($"{{\"profile\":\"data-package\",\"wacz_version\":\"1.1.1\",\"software\":\"{software}\",\"resources\":[]}}");
        }

        return path;
    }
}
