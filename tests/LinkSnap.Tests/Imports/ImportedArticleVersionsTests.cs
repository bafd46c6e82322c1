using System.IO.Compression;
using System.Text;
using System.Text.Json;
using LinkSnap.Core.Import;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Imports;

/// <summary>
/// Articles kept by Omnivore, wallabag and Karakeep exports become imported versions through the real
/// daemon: mode imported with the tool's name, the text searchable, the HTML inert (no script, no handler,
/// no remote load, the saved copy's CSP), and the corpus exports give one version per entry with content.
/// </summary>
[NonParallelizable]
public sealed class ImportedArticleVersionsTests
{
    private const string Hostile = """<p>潮汐表的文章：月亮牵引海水。</p><script>document.title='pwned'</script><img src="{TRACK}" onerror="alert(1)"><p>Tide tables explained.</p>""";

    private FixtureServer _server = null!;
    private TestDaemon _daemon = null!;
    private int _tracked;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await FixtureServer.StartAsync();
        _server.Map("/track", _ =>
        {
            Interlocked.Increment(ref _tracked);
            return Task.CompletedTask;
        });
        _daemon = await TestDaemon.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _daemon.DisposeAsync();
        await _server.DisposeAsync();
    }

    private string Article(string marker) => Hostile.Replace("{TRACK}", _server.Url("/track").ToString(), StringComparison.Ordinal) + $"<p>{marker}</p>";

    private string Wallabag() => JsonSerializer.Serialize(new[]
    {
        new { id = 1, url = "https://wallabag.example/tides", title = "潮汐 wallabag", is_archived = 0, is_starred = 1, content = Article("wallabagmarker"), created_at = "2020-01-02T03:04:05+01:00", tags = Array.Empty<string>(), annotations = Array.Empty<object>() },
        new { id = 2, url = "https://wallabag.example/empty", title = "No content", is_archived = 1, is_starred = 0, content = "", created_at = "2020-01-03T03:04:05+01:00", tags = Array.Empty<string>(), annotations = Array.Empty<object>() },
    });

    private string Karakeep() => JsonSerializer.Serialize(new
    {
        bookmarks = new object[]
        {
            new { createdAt = 1700000000, title = "潮汐 Karakeep", tags = new[] { "sea" }, content = new { type = "link", url = "https://karakeep.example/tides", htmlContent = Article("karakeepmarker") }, note = (string?)null, archived = false, favourited = false },
            new { createdAt = 1700000100, title = "Bare", tags = Array.Empty<string>(), content = new { type = "link", url = "https://karakeep.example/bare" }, note = (string?)null, archived = false, favourited = false },
        },
    });

    private byte[] OmnivoreZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var metadata = JsonSerializer.Serialize(new[]
            {
                new { id = "a", slug = "tides", title = "潮汐 Omnivore", url = "https://omnivore.example/tides", state = "Archived", labels = Array.Empty<string>(), savedAt = "2023-05-06T07:08:09.000Z", readingProgress = 100 },
                new { id = "b", slug = "nothing", title = "Without file", url = "https://omnivore.example/nothing", state = "Succeeded", labels = Array.Empty<string>(), savedAt = "2023-05-07T07:08:09.000Z", readingProgress = 0 },
            });
            Write(zip, "metadata_0_to_2.json", metadata);
            Write(zip, "content/tides.md", "# 潮汐\n\n月亮牵引海水，omnivoremarker。\n\n" + Hostile.Replace("{TRACK}", _server.Url("/track").ToString(), StringComparison.Ordinal) + "\n\n[a link](https://omnivore.example/elsewhere)\n");
        }

        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private async Task<long> ImportAsync(string name, byte[] bytes)
    {
        var started = await _daemon.Client.PostAsync($"/api/imports?name={Uri.EscapeDataString(name)}&noCapture=true", new ByteArrayContent(bytes), CancellationToken.None);
        var id = started.GetProperty("import").GetProperty("id").GetInt64();
        await WaitAsync(async () =>
        {
            var progress = await _daemon.Client.GetAsync($"/api/imports/{id}", CancellationToken.None);
            return progress.GetProperty("status").GetString() == "done" ? progress : (JsonElement?)null;
        });
        return id;
    }

    private async Task<JsonElement[]> ImportedVersionsOfAsync(string url)
    {
        var found = await _daemon.Client.GetAsync("/api/lookup?url=" + Uri.EscapeDataString(url), CancellationToken.None);
        Assert.That(found.GetProperty("saved").GetBoolean(), Is.True, url);
        var link = await _daemon.Client.GetAsync($"/api/links/{found.GetProperty("linkId").GetInt64()}", CancellationToken.None);
        return link.GetProperty("snapshots").EnumerateArray().Where(s => s.GetProperty("mode").GetString() == "imported").ToArray();
    }

    [TestCase("wallabag", "wallabag.json", "https://wallabag.example/tides", "https://wallabag.example/empty", "wallabagmarker")]
    [TestCase("Karakeep", "karakeep.json", "https://karakeep.example/tides", "https://karakeep.example/bare", "karakeepmarker")]
    [TestCase("Omnivore", "omnivore-export.zip", "https://omnivore.example/tides", "https://omnivore.example/nothing", "omnivoremarker")]
    public async Task An_exported_article_becomes_an_inert_searchable_imported_version(string source, string fileName, string withContent, string without, string marker)
    {
        var bytes = source switch
        {
            "wallabag" => Encoding.UTF8.GetBytes(Wallabag()),
            "Karakeep" => Encoding.UTF8.GetBytes(Karakeep()),
            _ => OmnivoreZip(),
        };
        await ImportAsync(fileName, bytes);

        var versions = await ImportedVersionsOfAsync(withContent);
        Assert.That(versions, Has.Length.EqualTo(1));
        Assert.That(versions[0].GetProperty("importedFrom").GetString(), Is.EqualTo(source));
        Assert.That(versions[0].GetProperty("status").GetString(), Is.EqualTo("done"));
        Assert.That(await ImportedVersionsOfAsync(without), Is.Empty, "an entry without content gets no version");

        var hits = await _daemon.Client.GetAsync("/api/links?q=" + marker, CancellationToken.None);
        Assert.That(hits.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("url").GetString()), Is.EqualTo(new[] { withContent }), "the article's text is searchable");
        var cjk = await _daemon.Client.GetAsync("/api/links?q=" + Uri.EscapeDataString("月亮牵引"), CancellationToken.None);
        Assert.That(cjk.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("url").GetString()), Does.Contain(withContent));

        var detail = await _daemon.Client.GetAsync($"/api/snapshots/{versions[0].GetProperty("id").GetInt64()}", CancellationToken.None);
        var html = await File.ReadAllTextAsync(Path.Combine(detail.GetProperty("folder").GetString()!, "article.html"));
        Assert.That(html, Does.Contain("月亮牵引海水"));
        Assert.That(html, Does.Not.Contain("<script").IgnoreCase);
        Assert.That(html, Does.Not.Contain("onerror").IgnoreCase);
        Assert.That(html, Does.Not.Contain(_server.Url("/track").ToString()), "no remote load is left");
        Assert.That(html, Does.Contain("default-src 'none'"), "the saved copy's Content-Security-Policy");
        Assert.That(_tracked, Is.EqualTo(0), "importing never fetched the article's resources");
    }

    [Test]
    public async Task Importing_the_same_wallabag_export_again_adds_no_second_version()
    {
        const string url = "https://wallabag.example/repeated";
        byte[] Export(string content) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[]
        {
            new { id = 7, url, title = "Repeated", is_archived = 0, is_starred = 0, content, created_at = "2021-01-02T03:04:05+01:00", tags = Array.Empty<string>(), annotations = Array.Empty<object>() },
        }));

        await ImportAsync("wallabag.json", Export(Article("repeatmarker")));
        var first = await ImportedVersionsOfAsync(url);
        Assert.That(first, Has.Length.EqualTo(1));

        await ImportAsync("wallabag.json", Export(Article("repeatmarker")));
        var again = await ImportedVersionsOfAsync(url);
        Assert.That(again.Select(v => v.GetProperty("id").GetInt64()), Is.EqualTo(first.Select(v => v.GetProperty("id").GetInt64())), "the same content: still the one version");

        // The content's hash lives in the version's snapshot.json too, so a database rebuilt from the files keeps it.
        await _daemon.Client.PostAsync("/api/reindex", new { }, CancellationToken.None);
        await ImportAsync("wallabag.json", Export(Article("repeatmarker")));
        Assert.That((await ImportedVersionsOfAsync(url)).Select(v => v.GetProperty("id").GetInt64()), Is.EqualTo(first.Select(v => v.GetProperty("id").GetInt64())), "after reindex: still the one version");

        await ImportAsync("wallabag.json", Export(Article("changedmarker")));
        Assert.That(await ImportedVersionsOfAsync(url), Has.Length.EqualTo(2), "changed content is a new version");
    }

    [TestCase("wallabag/wallabag__wallabag-v1.json")]
    [TestCase("wallabag/wallabag__wallabag-v1-read.json")]
    [TestCase("wallabag/wallabag__wallabag-v2.json")]
    [TestCase("wallabag/wallabag__wallabag-v2-read.json")]
    [TestCase("omnivore/wallabag__omnivore.json")]
    public async Task Each_corpus_entry_with_content_gets_one_imported_version(string file)
    {
        var path = Path.Combine(Corpus.RequireDirectory("imports"), file);
        var bytes = await File.ReadAllBytesAsync(path);
        var plan = ImportPlanner.Plan(ImportReader.Read(bytes, Path.GetFileName(path), new ImportOptions()), new ImportOptions());
        var withContent = plan.Links.Where(l => l.Content is not null).Select(l => l.Url.ToString()).ToList();
        var countsBefore = new Dictionary<string, int>();
        foreach (var url in withContent)
        {
            var found = await _daemon.Client.GetAsync("/api/lookup?url=" + Uri.EscapeDataString(url), CancellationToken.None);
            countsBefore[url] = found.GetProperty("saved").GetBoolean() ? (await ImportedVersionsOfAsync(url)).Length : 0;
        }

        await ImportAsync(Path.GetFileName(path), bytes);

        var added = 0;
        foreach (var url in withContent)
        {
            added += (await ImportedVersionsOfAsync(url)).Length - countsBefore[url];
        }

        Assert.That(added, Is.EqualTo(withContent.Count), "one imported version per entry with content");
        Assert.That(file.StartsWith("omnivore", StringComparison.Ordinal) || withContent.Count > 0, Is.True, "the wallabag files carry content");
    }

    private static async Task<JsonElement> WaitAsync(Func<Task<JsonElement?>> probe) =>
        (await Eventually.ValueAsync(probe, found => found is not null, TimeSpan.FromSeconds(120), last => $"the import to get there (last seen: {last})"))!.Value;
}
