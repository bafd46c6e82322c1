using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using LinkSnap.Core.Archive;
using LinkSnap.Core.Capture;
using LinkSnap.Tests.Capture;
using NUnit.Framework;

namespace LinkSnap.Tests.Archive;

/// <summary>
/// A fresh capture records every HTTP exchange as WARC records packaged as WACZ (archive.wacz),
/// checked by Webrecorder's warcio (records, digests, its own CDXJ index) and by `linksnap verify`.
/// </summary>
[TestFixture]
public sealed class WaczCaptureTests : CaptureTestBase
{
    private const string Style = "body { background: rgb(0, 0, 255); color: white; }";
    private Captured _capture = null!;
    private string _wacz = null!;
    private string _warc = null!;
    private JsonElement _records;

    [OneTimeSetUp]
    public async Task CaptureAsync()
    {
        Server.Map("/wacz/start", ctx =>
        {
            ctx.Response.Redirect("/wacz/page");
            return Task.CompletedTask;
        });
        Server.MapHtml("/wacz/page", """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>Archived Harbour</title>
            <link rel="stylesheet" href="/wacz/style.css"></head>
            <body><h1>Archived Harbour</h1><p>Boats rest in the archived harbour at night.</p>
            <img src="/wacz/red.png" width="8" height="8"><img src="/wacz/red-copy.png" width="8" height="8">
            <img src="http://refused.example/blocked.png" width="8" height="8"></body></html>
            """);
        Server.MapContent("/wacz/style.css", "text/css", System.Text.Encoding.UTF8.GetBytes(Style));
        Server.MapContent("/wacz/red.png", "image/png", Fixtures.RedPng);
        Server.MapContent("/wacz/red-copy.png", "image/png", Fixtures.RedPng);
        _capture = await CaptureAsync(Server.Url("/wacz/start"));
        Assert.That(_capture.Result.Outcome, Is.EqualTo(CaptureOutcome.Done),
            _capture.Result.Reason + " " + string.Join(", ", _capture.Result.Artifacts.Select(a => $"{a.Kind}={a.Status}:{a.Error}")));
        _wacz = _capture.PathOf(ArtifactKinds.Wacz);
        _warc = Path.Combine(Temp.Path, "extracted.warc.gz");
        using (var zip = ZipFile.OpenRead(_wacz))
        {
            zip.GetEntry(WaczPackager.WarcPath)!.ExtractToFile(_warc, overwrite: true);
        }

        using var report = JsonDocument.Parse(await ArchiveTools.NodeAsync("check-warc.mjs", _warc));
        _records = report.RootElement.Clone();
    }

    private IEnumerable<JsonElement> Records => _records.GetProperty("records").EnumerateArray();

    private JsonElement? Find(string type, string uri) =>
        Records.Where(r => r.GetProperty("type").GetString() == type && r.GetProperty("uri").GetString() == uri).Cast<JsonElement?>().FirstOrDefault();

    [Test]
    public void Warcio_reads_every_record_and_every_digest_matches()
    {
        Assert.That(_records.GetProperty("errors").EnumerateArray().Select(e => e.GetString()), Is.Empty);
        Assert.That(Records.First().GetProperty("type").GetString(), Is.EqualTo("warcinfo"));
        Assert.Multiple(() =>
        {
            Assert.That(Find("response", Server.Url("/wacz/start").AbsoluteUri)?.GetProperty("status").GetInt32(), Is.EqualTo(302), "the redirect hop");
            Assert.That(Find("response", Server.Url("/wacz/page").AbsoluteUri)?.GetProperty("status").GetInt32(), Is.EqualTo(200), "the main document");
            Assert.That(Find("request", Server.Url("/wacz/page").AbsoluteUri), Is.Not.Null);
            Assert.That(Find("response", Server.Url("/wacz/style.css").AbsoluteUri), Is.Not.Null, "the stylesheet the browser loaded");
            // The two images have the same bytes: whichever loaded first is the response, the other a revisit.
            var red = new[] { Server.Url("/wacz/red.png").AbsoluteUri, Server.Url("/wacz/red-copy.png").AbsoluteUri };
            Assert.That(red.Select(u => (Find("response", u) is null ? "" : "response") + (Find("revisit", u) is null ? "" : "revisit")),
                Is.EquivalentTo(new[] { "response", "revisit" }), "the same bytes again are a revisit");
            Assert.That(Find("resource", "urn:linksnap:screenshot:" + Server.Url("/wacz/page").AbsoluteUri), Is.Not.Null);
            Assert.That(Find("resource", "urn:linksnap:pdf:" + Server.Url("/wacz/page").AbsoluteUri), Is.Not.Null);
            Assert.That(Records.Where(r => r.GetProperty("type").GetString() is "response" or "revisit").Select(r => r.GetProperty("uri").GetString()),
                Has.None.Contains("refused.example"), "a refused request is not a response");
        });
    }

    [Test]
    public void Response_records_hold_the_exact_body_and_the_metadata_lists_refused_requests()
    {
        using var stream = File.OpenRead(_warc);
        var records = WarcReader.Read(stream).ToList();
        var style = records.Single(r => r.Type == "response" && r.TargetUri == Server.Url("/wacz/style.css").AbsoluteUri);
        Assert.That(System.Text.Encoding.UTF8.GetString(style.Payload), Is.EqualTo(Style));
        Assert.That(System.Text.Encoding.Latin1.GetString(style.Block), Does.StartWith("HTTP/1.1 200 OK\r\n").And.Contain("Content-Type: text/css"));
        var page = records.Single(r => r.Type == "response" && r.TargetUri == Server.Url("/wacz/page").AbsoluteUri);
        Assert.That(page.Field("WARC-IP-Address"), Is.EqualTo("127.0.0.1"));
        var metadata = records.Single(r => r.Type == "metadata");
        using var facts = JsonDocument.Parse(metadata.Block);
        Assert.That(facts.RootElement.GetProperty("notStored").EnumerateArray().Select(n => n.GetProperty("Url").GetString()),
            Has.Some.Contains("refused.example/blocked.png"));
        Assert.That(facts.RootElement.GetProperty("timingsMs").TryGetProperty("navigate", out _), Is.True);
    }

    [Test]
    public async Task Index_is_the_one_warcio_computes_from_the_records()
    {
        static IEnumerable<string> Keys(string cdxj) => cdxj.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var entry = CdxjEntry.Parse(line);
            return $"{line.Split(' ')[0]} {line.Split(' ')[1]} {entry.Url} {entry.Offset} {entry.Length} {entry.Digest} {entry.Status} {entry.Mime}";
        }).Order(StringComparer.Ordinal);

        var ours = Read(WaczPackager.IndexPath);
        var warcio = await ArchiveTools.WarcioCdxAsync(_warc);
        Assert.That(Keys(ours), Is.EqualTo(Keys(warcio)));
        Assert.That(ours.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void Datapackage_lists_every_file_with_its_sha256_and_size_and_pages_hold_title_and_text()
    {
        using var zip = ZipFile.OpenRead(_wacz);
        Assert.That(zip.Entries.Select(e => e.FullName), Is.EquivalentTo(new[]
        {
            WaczPackager.WarcPath, WaczPackager.IndexPath, WaczPackager.PagesPath, WaczPackager.DataPackagePath, WaczPackager.DigestPath,
        }));
        Assert.That(zip.GetEntry(WaczPackager.WarcPath)!.CompressedLength, Is.EqualTo(zip.GetEntry(WaczPackager.WarcPath)!.Length), "the WARC is stored, not deflated");
        using var package = JsonDocument.Parse(Read(WaczPackager.DataPackagePath));
        Assert.That(package.RootElement.GetProperty("wacz_version").GetString(), Is.EqualTo("1.1.1"));
        foreach (var resource in package.RootElement.GetProperty("resources").EnumerateArray())
        {
            using var content = zip.GetEntry(resource.GetProperty("path").GetString()!)!.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            Assert.That(resource.GetProperty("hash").GetString(), Is.EqualTo("sha256:" + Convert.ToHexStringLower(SHA256.HashData(copy.ToArray()))));
            Assert.That(resource.GetProperty("bytes").GetInt64(), Is.EqualTo(copy.Length));
        }

        using var digest = JsonDocument.Parse(Read(WaczPackager.DigestPath));
        Assert.That(digest.RootElement.GetProperty("hash").GetString(),
            Is.EqualTo("sha256:" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Read(WaczPackager.DataPackagePath))))));

        var pages = Read(WaczPackager.PagesPath).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(pages[0], Does.Contain("json-pages-1.0"));
        using var page = JsonDocument.Parse(pages[1]);
        Assert.That(page.RootElement.GetProperty("url").GetString(), Is.EqualTo(Server.Url("/wacz/page").AbsoluteUri));
        Assert.That(page.RootElement.GetProperty("title").GetString(), Is.EqualTo("Archived Harbour"));
        Assert.That(page.RootElement.GetProperty("text").GetString(), Does.Contain("Boats rest in the archived harbour"));
    }

    [Test]
    public async Task Verify_accepts_the_archive_and_detects_a_tampered_copy()
    {
        var intact = await WaczVerifier.VerifyAsync(_wacz, CancellationToken.None);
        Assert.That(intact.Problems, Is.Empty);
        Assert.That(intact.Records, Is.GreaterThan(8));

        var tampered = Path.Combine(Temp.Path, "tampered.wacz");
        File.Copy(_wacz, tampered, overwrite: true);
        using (var zip = ZipFile.Open(tampered, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry(WaczPackager.WarcPath)!;
            byte[] warc;
            using (var stream = entry.Open())
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                warc = copy.ToArray();
            }

            // Rewrite the stylesheet's record with one changed byte of its body: valid gzip, wrong digests.
            using var records = new MemoryStream();
            var writer = new WarcWriter(records);
            foreach (var record in WarcReader.Read(new MemoryStream(warc)))
            {
                var block = record.Block;
                if (record.TargetUri?.EndsWith("style.css", StringComparison.Ordinal) == true && record.Type == "response")
                {
                    block[^3] ^= 1;
                }

                var fields = record.Fields.Where(f => f.Key is not ("WARC-Type" or "WARC-Record-ID" or "WARC-Date" or "Content-Length" or "WARC-Block-Digest")).ToList();
                writer.Write(record.Type, record.Field("WARC-Record-ID")!, DateTimeOffset.Parse(record.Field("WARC-Date")!, System.Globalization.CultureInfo.InvariantCulture), fields, block);
            }

            entry.Delete();
            using var target = zip.CreateEntry(WaczPackager.WarcPath, CompressionLevel.NoCompression).Open();
            target.Write(records.ToArray());
        }

        var report = await WaczVerifier.VerifyAsync(tampered, CancellationToken.None);
        Assert.That(report.IsValid, Is.False);
        Assert.That(report.Problems, Has.Some.Contains("archive/data.warc.gz does not match its sha256"));
        Assert.That(report.Problems, Has.Some.Contains("style.css").And.Contain("digest does not match"));
    }

    [Test]
    public async Task The_setting_turns_the_archive_off()
    {
        await using var engine = CreateEngine(o => o.SaveWacz = false);
        var captured = await CaptureAsync(Server.Url("/wacz/page"), engine: engine);
        Assert.That(captured.Artifact(ArtifactKinds.Wacz).Status, Is.EqualTo(ArtifactStatus.Skipped));
        Assert.That(captured.Artifact(ArtifactKinds.Wacz).Error, Does.Contain("Capture:SaveWacz"));
        Assert.That(File.Exists(Path.Combine(captured.Directory, ArtifactFiles.Wacz)), Is.False);
        Assert.That(Directory.GetFiles(captured.Directory, "*.tmp"), Is.Empty);
    }

    private string Read(string path)
    {
        using var zip = ZipFile.OpenRead(_wacz);
        using var reader = new StreamReader(zip.GetEntry(path)!.Open());
        return reader.ReadToEnd();
    }
}
