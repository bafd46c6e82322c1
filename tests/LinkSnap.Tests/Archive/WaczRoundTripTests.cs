using System.IO.Compression;
using System.Text.Json;
using LinkSnap.Api;
using LinkSnap.Core.Archive;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Archive;

/// <summary>
/// `linksnap export --wacz` of a tag's snapshots (real captures in Chromium), `linksnap import` of that
/// WACZ into an empty library (each page a link with an imported version), and `linksnap export --wacz`
/// again: the second WACZ holds the very same records, byte for byte, and warcio reads both.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class WaczRoundTripTests
{
    [Test]
    public async Task A_tags_wacz_imported_into_an_empty_library_exports_the_same_records()
    {
        await using var site = await FixtureServer.StartAsync();
        site.MapContent("/style.css", "text/css", "body { color: rgb(1, 2, 3); }"u8.ToArray());
        site.MapHtml("/trip/a", """<!doctype html><title>Harbour lights</title><link rel="stylesheet" href="/style.css"><p>The harbour lights came on one by one.</p>""");
        site.MapHtml("/trip/b", """<!doctype html><title>港口的灯</title><link rel="stylesheet" href="/style.css"><p>港口的灯一盏一盏亮起来。</p>""");
        site.MapHtml("/other", "<!doctype html><title>Other</title><p>Not on the trip.</p>");
        using var temp = new TempDirectory();
        var first = Path.Combine(temp.Path, "trip.wacz");
        var second = Path.Combine(temp.Path, "again.wacz");

        await using (var source = await TestDaemon.StartAsync())
        {
            foreach (var (path, tags) in new[] { ("/trip/a", new[] { "trip" }), ("/trip/b", new[] { "trip" }), ("/other", Array.Empty<string>()) })
            {
                var (_, snapshotId, _) = await source.QueueAsync(new CaptureInput { Url = site.Url(path).AbsoluteUri, Tags = tags });
                Assert.That((await source.WaitForSnapshotAsync(snapshotId)).Status, Is.EqualTo(LinkSnap.Core.Storage.SnapshotStatus.Done));
            }

            Assert.That((await source.RunCliAsync("export", "--wacz", first, "--tag", "trip")).ExitCode, Is.EqualTo(0));
        }

        await using (var empty = await TestDaemon.StartAsync())
        {
            var import = await empty.RunCliAsync("import", first, "--json");
            Assert.That(import.ExitCode, Is.EqualTo(0), import.Error);
            using var result = JsonDocument.Parse(import.Output);
            Assert.That(result.RootElement.GetProperty("importedFrom").GetString(), Is.EqualTo("WACZ (LinkSnap)"));
            Assert.That(result.RootElement.GetProperty("skipped").GetArrayLength(), Is.Zero);
            var links = (await empty.Client.GetAsync("/api/links", CancellationToken.None)).GetProperty("items").EnumerateArray().ToList();
            Assert.That(links.Select(l => l.GetProperty("url").GetString()), Is.EquivalentTo(new[] { site.Url("/trip/a").AbsoluteUri, site.Url("/trip/b").AbsoluteUri }));
            Assert.That(links.Select(l => l.GetProperty("title").GetString()), Is.EquivalentTo(new[] { "Harbour lights", "港口的灯" }));
            foreach (var link in links)
            {
                var snapshots = (await empty.Client.GetAsync($"/api/links/{link.GetProperty("id").GetInt64()}", CancellationToken.None)).GetProperty("snapshots").EnumerateArray().ToList();
                var version = await empty.Client.GetAsync($"/api/snapshots/{snapshots.Single().GetProperty("id").GetInt64()}", CancellationToken.None);
                Assert.That(version.GetProperty("status").GetString(), Is.EqualTo("done"));
                Assert.That(version.GetProperty("mode").GetString(), Is.EqualTo("imported"));
                Assert.That(version.GetProperty("importedFrom").GetString(), Is.EqualTo("WACZ (LinkSnap)"));
            }

            var search = await empty.Client.GetAsync("/api/links?q=" + Uri.EscapeDataString("harbour"), CancellationToken.None);
            Assert.That(search.GetProperty("items").GetArrayLength(), Is.EqualTo(1), "the page text of pages.jsonl is searchable");
            Assert.That((await empty.RunCliAsync("export", "--wacz", second)).ExitCode, Is.EqualTo(0));
        }

        var before = Members(first);
        var after = Members(second);
        {
            Assert.That(before.Count, Is.GreaterThan(6), "two captures' records (warcinfo, responses, requests, resources, metadata)");
            Assert.That(after, Is.EquivalentTo(before), "every record comes back byte for byte");
            Assert.That((await WaczVerifier.VerifyAsync(second, CancellationToken.None)).Problems, Is.Empty);
            foreach (var file in new[] { first, second })
            {
                var warc = Path.Combine(temp.Path, Path.GetFileNameWithoutExtension(file) + ".warc.gz");
                using (var zip = ZipFile.OpenRead(file))
                {
                    zip.GetEntry(WaczPackager.WarcPath)!.ExtractToFile(warc, overwrite: true);
                }

                using var report = JsonDocument.Parse(await ArchiveTools.NodeAsync("check-warc.mjs", warc));
                Assert.That(report.RootElement.GetProperty("errors").GetArrayLength(), Is.Zero, $"warcio on {file}: {report.RootElement.GetProperty("errors")}");
                Assert.That(report.RootElement.GetProperty("records").GetArrayLength(), Is.EqualTo(before.Count), "warcio reads every record");
            }
        }
    }

    /// <summary>Each record's gzip member, as base64 text so that equal bytes compare equal.</summary>
    private static List<string> Members(string wacz)
    {
        using var zip = ZipFile.OpenRead(wacz);
        using var stream = zip.GetEntry(WaczPackager.WarcPath)!.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return WarcMembers.Split(WaczPackager.WarcPath, bytes.ToArray()).Select(m => Convert.ToBase64String(m.Bytes)).ToList();
    }
}
