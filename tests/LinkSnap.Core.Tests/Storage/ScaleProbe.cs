using System.Diagnostics;
using Dapper;
using LinkSnap.Core.Search;
using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Storage;

[Explicit]
public sealed class ScaleProbe
{
    [Test]
    public void Measure()
    {
        using var temp = new TempDirectory();
        using var db = new LinkSnapDatabase(Path.Combine(temp.Path, "x.db"));
        db.Migrate();
        var sw = Stopwatch.StartNew();
        using (var c = db.Open())
        using (var tx = c.BeginTransaction())
        {
            for (var t = 0; t < 50; t++) c.Execute("INSERT INTO tags (name, key) VALUES (@n, @n)", new { n = "tag" + t }, tx);
            for (var i = 1; i <= 100_000; i++)
            {
                var time = StorageText.Time(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i));
                c.Execute("INSERT INTO links (id, url, normalized_url, site, title, created_at, updated_at, latest_snapshot_id) VALUES (@i, @u, @u, @s, @t, @time, @time, @i)",
                    new { i, u = $"https://site{i % 500}.example/p/{i}", s = $"site{i % 500}.example", t = $"Title {i} about topic {i % 97}", time }, tx);
                c.Execute("INSERT INTO snapshots (id, link_id, status, mode, created_at) VALUES (@i, @i, @st, 'fresh', @time)", new { i, st = i % 10 == 0 ? "failed" : "done", time }, tx);
                c.Execute("INSERT INTO link_tags (link_id, tag_id) VALUES (@i, @t)", new { i, t = (i % 50) + 1 }, tx);
                SearchIndex.Update(c, tx, i, i % 1000 == 0 ? "大语言模型的研究 rare" : $"common words body text number {i} lorem ipsum dolor");
            }
            tx.Commit();
        }
        TestContext.Out.WriteLine($"seed {sw.Elapsed}");
        var store = new LinkStore(db, TimeProvider.System);
        void Time(string name, LinkListQuery q)
        {
            store.ListLinks(q);
            var s = Stopwatch.StartNew();
            LinkPage p = null!;
            for (var k = 0; k < 5; k++) p = store.ListLinks(q);
            TestContext.Out.WriteLine($"{name}: {s.Elapsed.TotalMilliseconds / 5:0.0} ms, {p.Items.Count} items, total {p.Total}");
        }
        Time("default", new LinkListQuery());
        var page = store.ListLinks(new LinkListQuery { Limit = 500 });
        for (var k = 0; k < 50; k++) page = store.ListLinks(new LinkListQuery { Limit = 500, Cursor = page.NextCursor });
        Time("deep cursor", new LinkListQuery { Cursor = page.NextCursor });
        Time("tag", new LinkListQuery { Tags = ["tag7"] });
        Time("2 tags and", new LinkListQuery { Tags = ["tag7", "tag8"] });
        Time("2 tags or", new LinkListQuery { Tags = ["tag7", "tag8"], MatchAllTags = false });
        Time("status failed", new LinkListQuery { Status = SnapshotStatus.Failed });
        Time("site", new LinkListQuery { Site = "site7.example" });
        Time("title sort", new LinkListQuery { Sort = LinkSort.Title, Descending = false });
        Time("q common", new LinkListQuery { Text = "common" });
        Time("q rare", new LinkListQuery { Text = "rare" });
        Time("q 模型", new LinkListQuery { Text = "模型" });
        Time("q 模", new LinkListQuery { Text = "模" });
        Time("q + tag", new LinkListQuery { Text = "topic", Tags = ["tag3"] });
    }
}
