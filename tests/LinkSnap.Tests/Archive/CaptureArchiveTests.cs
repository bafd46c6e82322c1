using LinkSnap.Core.Archive;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Archive;

/// <summary>The archive's limits: over-limit bodies and everything past the total cap are listed, not stored, and the WACZ is marked partial.</summary>
[TestFixture]
public sealed class CaptureArchiveTests
{
    private static HttpExchange Exchange(string url, int bytes) => new()
    {
        Url = new Uri(url),
        RequestHeaders = [new("User-Agent", "test")],
        Status = 200,
        ResponseHeaders = [new("Content-Type", "application/octet-stream"), new("Content-Encoding", "gzip")],
        Body = Enumerable.Range(0, bytes).Select(i => (byte)(i * 7 + url[^1])).ToArray(),
        Date = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero),
    };

    [Test]
    public async Task Limits_leave_responses_out_and_mark_the_wacz_partial()
    {
        using var temp = new TempDirectory();
        var created = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
        using (var archive = new CaptureArchive(Path.Combine(temp.Path, "data.warc.gz"), new ArchiveLimits(MaxResourceBytes: 5_000, MaxTotalBytes: 8_000), created, new Dictionary<string, string> { ["software"] = "test" }))
        {
            archive.Record(Exchange("https://example.org/a", 3_000));
            archive.Record(Exchange("https://example.org/too-big", 6_000));
            archive.Record(Exchange("https://example.org/b", 3_000));
            archive.Record(Exchange("https://example.org/c", 3_000));
            archive.Complete();

            Assert.That(archive.Index.Select(e => e.Url), Is.EqualTo(new[] { "https://example.org/a", "https://example.org/b" }));
            Assert.That(archive.Notes.Select(n => n.Url), Is.EqualTo(new[] { "https://example.org/too-big", "https://example.org/c" }));
            Assert.That(archive.PartialReason, Does.Contain("Capture:MaxArchiveMegabytes"));

            var wacz = Path.Combine(temp.Path, "archive.wacz");
            await WaczPackager.WriteAsync(wacz, archive.WarcPath, archive.Index, [], new WaczInfo("t", created, "test", archive.PartialReason), CancellationToken.None);
            var report = await WaczVerifier.VerifyAsync(wacz, CancellationToken.None);
            Assert.That(report.Problems, Is.Empty);
            Assert.That(report.PartialReason, Does.Contain("cap"));
        }

        using var stream = File.OpenRead(Path.Combine(temp.Path, "data.warc.gz"));
        var response = WarcReader.Read(stream).First(r => r.Type == "response");
        var head = System.Text.Encoding.Latin1.GetString(response.Block[..HttpMessages.PayloadOffset(response.Block)]);
        Assert.That(head, Does.Contain("X-LinkSnap-Original-Content-Encoding: gzip").And.Contain("Content-Length: 3000\r\n"),
            "the stored body is decoded: the header saying otherwise is renamed");
    }
}
