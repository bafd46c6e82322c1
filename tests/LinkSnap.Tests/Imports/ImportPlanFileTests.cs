using System.Text.Json;
using LinkSnap.Core.Import;
using LinkSnap.Core.Snapshots;
using LinkSnap.Imports;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Imports;

/// <summary>
/// The import plan on disk (JSON Lines, decision 089): every field of every link comes back as written, a page
/// at a time, and reading a page or the refused entries never reads the links after it — shown by damaging
/// the plan's last line, which a reader of the whole file would fail on.
/// </summary>
public sealed class ImportPlanFileTests
{
    [Test]
    public void Pages_give_back_every_link_field_for_field_in_order()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "plan" + ImportPlanFile.Extension);
        var plan = Plan(1_201);
        ImportPlanFile.Write(path, plan);

        using var pages = ImportPlanFile.Open(path);
        pages.Skip(200);
        var read = new List<PlannedLink>();
        for (var page = pages.Read(500); page.Count > 0; page = pages.Read(500))
        {
            Assert.That(page, Has.Count.LessThanOrEqualTo(500));
            read.AddRange(page);
        }

        Assert.That(read.Select(Json), Is.EqualTo(plan.Links.Skip(200).Select(Json)));
        Assert.That(ImportPlanFile.ReadRejected(path).Select(r => (r.Position, r.Url, r.Reason)), Is.EqualTo(plan.Rejected.Select(r => (r.Position, r.Url, r.Reason))));
    }

    [Test]
    public void A_page_is_read_without_reading_the_links_after_it()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "plan" + ImportPlanFile.Extension);
        var plan = Plan(1_200);
        ImportPlanFile.Write(path, plan);
        var lines = File.ReadAllLines(path);
        lines[^1] = "{\"url\": \"https://damaged.example/"; // cut short, as no writer leaves it: only a reader of the last page may see it
        File.WriteAllLines(path, lines);

        using (var pages = ImportPlanFile.Open(path))
        {
            Assert.That(pages.Read(500).Select(Json), Is.EqualTo(plan.Links.Take(500).Select(Json)));
            Assert.That(pages.Read(500).Select(Json), Is.EqualTo(plan.Links.Skip(500).Take(500).Select(Json)));
            Assert.Throws<JsonException>(() => pages.Read(500));
        }

        Assert.That(ImportPlanFile.ReadRejected(path), Has.Count.EqualTo(plan.Rejected.Count));
    }

    private static string Json(PlannedLink link) => JsonSerializer.Serialize(link, SnapshotJson.Options);

    // Every field set, with what could break a line: line breaks in notes and content, CJK, quotes.
    private static ImportPlan Plan(int count) => new(
        "Netscape bookmarks HTML",
        count + 2,
        Enumerable.Range(0, count).Select(n => new PlannedLink
        {
            Url = new Uri($"https://example.com/{n}?q=\"x\""),
            NormalizedUrl = $"https://example.com/{n}",
            Title = $"页面 {n}\u2028标题",
            Note = $"line one\nline two\r\n{n}",
            Tags = [$"folder/{n % 7}", "读"],
            SavedAt = n % 3 == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(1_600_000_000 + n),
            Read = n % 2 == 0,
            Favorite = n % 3 == 0,
            Archived = n % 5 == 0,
            Private = n % 7 == 0,
            Content = n % 4 == 0 ? $"<p>content\n{n}</p>" : null,
            ContentSource = n % 4 == 0 ? "wallabag" : null,
            Entries = 1 + (n % 3),
        }).ToList(),
        [new ImportRejection("line 3", "javascript:alert(1)", "not a web page"), new ImportRejection("line 9", "file:///etc", "a local file")]);
}
