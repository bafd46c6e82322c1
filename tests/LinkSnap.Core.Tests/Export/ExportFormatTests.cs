using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Json.Schema;
using LinkSnap.Core.Export;
using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Export;

/// <summary>Each export format, read back by a reader LinkSnap did not write, from a sample library with Chinese text.</summary>
public sealed class ExportFormatTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Corpus.RepositoryRoot, "docs", "export.schema.json"))));

    private SampleLibrary _library = null!;

    [OneTimeSetUp]
    public void OneTimeSetUp() => _library = new SampleLibrary().Fill();

    [OneTimeTearDown]
    public void OneTimeTearDown() => _library.Dispose();

    [Test]
    public async Task Json_export_matches_its_schema_with_every_version_and_readable_Chinese()
    {
        var bytes = await _library.ExportAsync(ExportFormat.Json);
        var text = Encoding.UTF8.GetString(bytes);
        using var document = JsonDocument.Parse(bytes);

        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.That(result.IsValid, Is.True, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.That(text, Does.Contain("大语言模型的研究（第二版）").And.Contain("中文笔记\\n第二行 <b>&</b>"), "Chinese stays as it is, not \\u escapes");

        var root = document.RootElement;
        Assert.That(root.GetProperty("linkCount").GetInt32(), Is.EqualTo(5));
        var article = root.GetProperty("links").EnumerateArray().First(l => l.GetProperty("url").GetString() == "https://example.cn/文章?id=1");
        Assert.That(article.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "nlp/模型", "阅读" }));
        var versions = article.GetProperty("snapshots").EnumerateArray().ToList();
        Assert.That(versions, Has.Count.EqualTo(2));
        Assert.That(versions.Select(v => v.GetProperty("metadata").GetProperty("title").GetString()), Is.EqualTo(new[] { "大语言模型的研究", "大语言模型的研究（第二版）" }));
        Assert.That(versions[0].GetProperty("artifacts").EnumerateArray().Select(a => a.GetProperty("fileName").GetString()), Is.EqualTo(new[] { "page.html", "screenshot.png" }));
        Assert.That(root.GetProperty("tags").EnumerateArray().Select(t => $"{t.GetProperty("name").GetString()}={t.GetProperty("count").GetInt32()}"),
            Is.EquivalentTo(new[] { "nlp/模型=1", "阅读=2", "misc=1", "Later/Soon=1", "nlp=1" }));

        // The schema check can fail: a link without its URL is refused.
        var broken = JsonNode.Parse(bytes)!;
        broken["links"]![0]!.AsObject().Remove("url");
        Assert.That(Schema.Value.Evaluate(JsonSerializer.SerializeToElement(broken)).IsValid, Is.False);
    }

    [Test]
    public async Task Netscape_export_reads_back_in_an_independent_parser_with_folders_tags_dates_and_notes()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "bookmarks.html");
        var html = await _library.ExportAsync(ExportFormat.Html);
        await File.WriteAllBytesAsync(file, html);

        var bookmarks = await NetscapeParser.ParseAsync(file);

        var links = _library.Store.Listing.ListLinks(new LinkListQuery { Limit = 100 }).Items;
        Assert.That(bookmarks.Select(b => b.Url), Is.EquivalentTo(links.Select(l => l.Url)));
        foreach (var link in links)
        {
            var bookmark = bookmarks.Single(b => b.Url == link.Url);
            Assert.That(bookmark.Title, Is.EqualTo(link.Title.Length > 0 ? link.Title : link.Url), link.Url);
            Assert.That(bookmark.AddDate, Is.EqualTo(link.CreatedAt.ToUnixTimeSeconds()), link.Url);
            Assert.That(bookmark.Tags, Is.EqualTo(link.Tags), link.Url);
            Assert.That(bookmark.Note, Is.EqualTo(link.Note), link.Url);
        }

        Assert.That(bookmarks.Single(b => b.Url.StartsWith("https://example.cn/", StringComparison.Ordinal)).Path, Is.EqualTo(new[] { "nlp", "模型" }));
        Assert.That(bookmarks.Single(b => b.Url == "https://example.com/a-b").Path, Is.EqualTo(new[] { "nlp" }));
        Assert.That(bookmarks.Single(b => b.Url == "https://example.org/b").Path, Is.EqualTo(new[] { "Later", "Soon" }));
        Assert.That(bookmarks.Single(b => b.Url == "https://example.net/queued").Path, Is.Empty);
        Assert.That(Encoding.UTF8.GetString(html).Split("<H3>nlp</H3>").Length - 1, Is.EqualTo(1), "a folder is written once, its subfolders inside it");
    }

    [Test]
    public async Task Csv_export_has_one_row_per_link_with_Chinese_text_and_no_spreadsheet_formulas()
    {
        var bytes = await _library.ExportAsync(ExportFormat.Csv);
        Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "a byte order mark, so spreadsheets read UTF-8");

        using var reader = CsvReader.Create(bytes);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.ToDictionary(h => h, h => reader[h].ToString()));
        }

        Assert.That(rows, Has.Count.EqualTo(5));
        var article = rows.Single(r => r["url"] == "https://example.cn/文章?id=1");
        Assert.That(article["title"], Is.EqualTo("大语言模型的研究（第二版）"));
        Assert.That(article["note"], Is.EqualTo("中文笔记\n第二行 <b>&</b>"));
        Assert.That(article["tags"], Is.EqualTo("nlp/模型 | 阅读"));
        Assert.That(article["snapshot_count"], Is.EqualTo("2"));
        Assert.That(article["latest_status"], Is.EqualTo("done"));
        var hostile = rows.Single(r => r["url"] == "https://example.org/b");
        Assert.That(hostile["title"], Is.EqualTo("'=HYPERLINK(\"https://evil.example\")"));
        Assert.That(hostile["note"], Is.EqualTo("'-5 points"));
        Assert.That(hostile["latest_status"], Is.EqualTo("failed"));
    }

    [Test]
    public async Task Exports_a_tag_with_its_children_a_search_or_picked_links()
    {
        Assert.That(await ExportedUrlsAsync(new ExportSelection { Filter = new LinkListQuery { Tags = ["nlp"] } }),
            Is.EquivalentTo(new[] { "https://example.cn/文章?id=1", "https://example.com/a-b" }));
        Assert.That(await ExportedUrlsAsync(new ExportSelection { Filter = new LinkListQuery { Text = "版本" } }),
            Is.EqualTo(new[] { "https://example.cn/文章?id=1" }));
        var picked = _library.Store.FindLinkByUrl(new Uri("https://example.org/b"))!.Id;
        Assert.That(await ExportedUrlsAsync(new ExportSelection { LinkIds = [picked] }), Is.EqualTo(new[] { "https://example.org/b" }));
        Assert.That(await ExportedUrlsAsync(new ExportSelection { Filter = new LinkListQuery { Tags = ["no-such-tag"] } }), Is.Empty);
    }

    private async Task<List<string>> ExportedUrlsAsync(ExportSelection selection)
    {
        using var document = JsonDocument.Parse(await _library.ExportAsync(ExportFormat.Json, selection));
        Assert.That(Schema.Value.Evaluate(document.RootElement).IsValid, Is.True);
        return document.RootElement.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("url").GetString()!).ToList();
    }
}
