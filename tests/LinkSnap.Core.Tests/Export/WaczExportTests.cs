using System.IO.Compression;
using System.Text;
using LinkSnap.Core.Archive;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Export;
using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Export;

/// <summary>
/// The WACZ export: a fresh capture's archive.wacz records arrive byte for byte in one WACZ with
/// one index, an as-seen capture arrives as a marked resource record, and the result verifies.
/// </summary>
[TestFixture]
public sealed class WaczExportTests
{
    [Test]
    public async Task Wacz_export_merges_fresh_archives_unchanged_and_marks_as_seen_pages()
    {
        using var library = new SampleLibrary().Fill();
        using var temp = new TempDirectory();
        var fresh = library.Store.AddCapture(new Uri("https://example.org/fresh"), ["web"], null, CaptureMode.Fresh);
        library.Finish(fresh.SnapshotId, "Fresh page", "fresh text");
        var folder = Path.Combine(library.Paths.DataDirectory, library.Store.Snapshots.GetSnapshot(fresh.SnapshotId)!.Folder!);
        var sourceWarc = await WriteArchiveAsync(Path.Combine(folder, ArtifactFiles.Wacz), temp.Path);
        var seen = library.Store.AddCapture(new Uri("https://example.net/seen"), ["web"], null, CaptureMode.AsSeen, library.Folders.SaveInput("<p>seen</p>"));
        library.Finish(seen.SnapshotId, "Seen page", "seen text");

        var exported = Path.Combine(temp.Path, "export.wacz");
        await File.WriteAllBytesAsync(exported, await library.ExportAsync(ExportFormat.Wacz, new ExportSelection { Filter = new LinkListQuery { Tags = ["web"] } }));

        var report = await WaczVerifier.VerifyAsync(exported, CancellationToken.None);
        Assert.That(report.Problems, Is.Empty);
        using var zip = ZipFile.OpenRead(exported);
        var merged = Read(zip, WaczPackager.WarcPath);
        Assert.That(Contains(merged, sourceWarc), Is.True, "the fresh capture's records are copied byte for byte");
        var pages = Encoding.UTF8.GetString(Read(zip, WaczPackager.PagesPath));
        Assert.That(pages, Does.Contain("https://example.org/fresh").And.Contain("https://example.net/seen").And.Not.Contain("example.cn"));
        var asSeen = WarcReader.Read(new MemoryStream(merged)).Single(r => r.TargetUri == "https://example.net/seen");
        Assert.That(asSeen.Type, Is.EqualTo("resource"));
        Assert.That(asSeen.Field(WaczMerger.AsSeenField), Does.StartWith("as-seen"));
        Assert.That(Encoding.UTF8.GetString(asSeen.Block), Does.Contain("Seen page"));
    }

    private static async Task<byte[]> WriteArchiveAsync(string path, string scratch)
    {
        var created = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
        var warc = Path.Combine(scratch, "source.warc.gz");
        using (var archive = new CaptureArchive(warc, new ArchiveLimits(1 << 20, 1 << 24), created, new Dictionary<string, string> { ["software"] = "test" }))
        {
            archive.Record(new HttpExchange
            {
                Url = new Uri("https://example.org/fresh"),
                RequestHeaders = [],
                Status = 200,
                ResponseHeaders = [new("Content-Type", "text/html")],
                Body = "<h1>Fresh page</h1>"u8.ToArray(),
                Date = created,
            });
            archive.Complete();
            await WaczPackager.WriteAsync(path, warc, archive.Index, [new WaczPage { Id = "p1", Url = "https://example.org/fresh", Ts = WaczPage.FormatTs(created), Title = "Fresh page" }],
                new WaczInfo("Fresh page", created, "test"), CancellationToken.None);
        }

        return await File.ReadAllBytesAsync(warc);
    }

    private static byte[] Read(ZipArchive zip, string path)
    {
        using var stream = zip.GetEntry(path)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
