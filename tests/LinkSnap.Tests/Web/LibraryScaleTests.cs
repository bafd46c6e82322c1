using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using LinkSnap.Core.Search;
using LinkSnap.Core.Storage;
using LinkSnap.Testing.Daemon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NUnit.Framework;
using static Microsoft.Playwright.Assertions;

namespace LinkSnap.Tests.Web;

/// <summary>
/// 100,000 synthetic links (one snapshot each) written in one transaction, then the endpoints the
/// library page uses are checked for correct results, and the page pages through them by cursor.
/// Link i: site "site{i%10}.example", saved at Base+i s, tag "even" when i%2==0 and "third" when
/// i%3==0, status failed when i%7==0 (else done), and the Chinese word 蓝鲸 in the title when i%1000==0.
/// </summary>
[TestFixture]
public sealed class LibraryScaleTests
{
    private const int Count = 100_000;
    private static readonly DateTimeOffset Base = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private TestDaemon _daemon = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task FillAsync()
    {
        _daemon = await TestDaemon.StartAsync();
        _client = _daemon.CreateSocketClient();
        using var connection = _daemon.Services.GetRequiredService<LinkSnapDatabase>().Open();
        using var tx = connection.BeginTransaction();
        Exec(connection, tx, "INSERT INTO tags (id, name, key) VALUES (1, 'even', 'even'), (2, 'third', 'third')");
        using var link = Command(connection, tx, "INSERT INTO links (id, url, normalized_url, site, title, created_at, updated_at, latest_snapshot_id) VALUES ($id, $url, $url, $site, $title, $at, $at, $id)");
        using var snapshot = Command(connection, tx, "INSERT INTO snapshots (id, link_id, status, mode, attempts, created_at, started_at, finished_at, title) VALUES ($id, $id, $status, 'fresh', 1, $at, $at, $at, $title)");
        using var tag = Command(connection, tx, "INSERT INTO link_tags (link_id, tag_id) VALUES ($id, $tag)");
        using var search = Command(connection, tx, "INSERT INTO search (rowid, title, url, tags, note, body) VALUES ($id, $title, $url, $tags, '', '')");
        for (var i = 1; i <= Count; i++)
        {
            var title = i % 1000 == 0 ? $"蓝鲸观察笔记 {i}" : $"Synthetic page {i}";
            var url = $"https://site{i % 10}.example/page/{i}";
            var at = Base.AddSeconds(i).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            Run(link, ("$id", i), ("$url", url), ("$site", $"site{i % 10}.example"), ("$title", title), ("$at", at));
            Run(snapshot, ("$id", i), ("$status", i % 7 == 0 ? "failed" : "done"), ("$at", at), ("$title", title));
            var tags = new List<string>();
            if (i % 2 == 0) { Run(tag, ("$id", i), ("$tag", 1)); tags.Add("even"); }
            if (i % 3 == 0) { Run(tag, ("$id", i), ("$tag", 2)); tags.Add("third"); }
            Run(search, ("$id", i), ("$title", SearchText.Segment(title)), ("$url", url), ("$tags", string.Join(' ', tags)));
        }

        tx.Commit();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _daemon.DisposeAsync();
    }

    private async Task<JsonElement> ListAsync(string query) => await _client.GetFromJsonAsync<JsonElement>("/api/links?" + query);

    private static List<long> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

    [Test]
    public async Task NewestFirstPagesFollowTheCursorWithoutGapsOrRepeats()
    {
        var seen = new List<long>();
        string? cursor = null;
        for (var page = 0; page < 4; page++)
        {
            var result = await ListAsync("limit=50" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.That(result.GetProperty("total").GetInt32(), Is.EqualTo(Count));
            seen.AddRange(Ids(result));
            cursor = result.GetProperty("nextCursor").GetString();
        }

        Assert.That(seen, Is.EqualTo(Enumerable.Range(Count - 199, 200).Reverse().Select(i => (long)i).ToList()));
    }

    // Filtered totals are exact up to LinkStore.TotalCountLimit (10,000) and "at least 10,000" past it.
    [TestCase("tag=even&tag=third&tagMode=and&site=site4.example", 3_333)]
    [TestCase("tag=even&tag=third&tagMode=or&site=site1.example", 3_333)]
    [TestCase("site=site3.example", 10_000)]
    [TestCase("status=failed&site=site3.example", 1_428)]
    [TestCase("status=failed&tag=even", 7_142)]
    [TestCase("q=%E8%93%9D%E9%B2%B8", 100)]
    [TestCase("q=%E8%93%9D%E9%B2%B8&status=failed", 14)]
    [TestCase("q=%E8%93%9D%E9%B2%B8&tag=third", 33)]
    public async Task FiltersAndSearchCountCorrectly(string query, int expected)
    {
        var result = await ListAsync(query + "&limit=20");
        Assert.That(result.GetProperty("total").GetInt32(), Is.EqualTo(expected));
        Assert.That(result.GetProperty("totalIsLowerBound").GetBoolean(), Is.False);
        Assert.That(Ids(result), Has.Count.EqualTo(Math.Min(20, expected)));
    }

    [TestCase("tag=even&tag=third&tagMode=and", new[] { 6 })] // 16,666 matches
    [TestCase("tag=even&tag=third&tagMode=or", new[] { 2, 3 })] // 66,667
    [TestCase("status=failed", new[] { 7 })] // 14,285
    public async Task LargeMatchCountsAreALowerBoundAndThePageIsTheNewestMatches(string query, int[] anyDivisor)
    {
        var result = await ListAsync(query + "&limit=50");
        Assert.That(result.GetProperty("total").GetInt32(), Is.EqualTo(LinkStore.DefaultTotalCountLimit));
        Assert.That(result.GetProperty("totalIsLowerBound").GetBoolean(), Is.True);
        var expected = Enumerable.Range(1, Count).Reverse().Where(i => anyDivisor.Any(d => i % d == 0)).Take(50).Select(i => (long)i);
        Assert.That(Ids(result), Is.EqualTo(expected));
    }

    [Test]
    public async Task ACommonWordIsRankedAmongItsNewestMatches()
    {
        var result = await ListAsync("q=synthetic&limit=50"); // 99,900 titles
        Assert.That(result.GetProperty("total").GetInt32(), Is.EqualTo(LinkStore.DefaultTotalCountLimit));
        Assert.That(result.GetProperty("totalIsLowerBound").GetBoolean(), Is.True);
        var ids = Ids(result);
        Assert.That(ids, Has.Count.EqualTo(50).And.Unique);
        Assert.That(ids, Is.All.GreaterThan(Count - LinkStore.DefaultRankWindow - 10), "from the newest 2,000 matches");
        Assert.That(ids.Where(id => id % 1000 == 0), Is.Empty);
        Assert.That(result.GetProperty("items")[0].GetProperty("snippet").GetString(), Does.Contain("<mark>Synthetic</mark>"));
        Assert.That(result.GetProperty("nextCursor").GetString(), Is.Not.Null);
    }

    [Test]
    public async Task DateRangeIsFromInclusiveToExclusive()
    {
        var from = Uri.EscapeDataString(Base.AddSeconds(1000).ToString("O", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(Base.AddSeconds(2000).ToString("O", CultureInfo.InvariantCulture));
        var result = await ListAsync($"from={from}&to={to}&order=asc&limit=5");
        Assert.That(result.GetProperty("total").GetInt32(), Is.EqualTo(1000));
        Assert.That(Ids(result), Is.EqualTo(new long[] { 1000, 1001, 1002, 1003, 1004 }));
    }

    [Test]
    public async Task ChineseSearchResultsCarryMarkedSnippetsAndRespectTheFilters()
    {
        var result = await ListAsync("q=" + Uri.EscapeDataString("蓝鲸") + "&tag=even&limit=200");
        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items, Has.Count.EqualTo(100));
        Assert.That(items.Select(i => i.GetProperty("id").GetInt64() % 1000), Is.All.EqualTo(0));
        Assert.That(items.First().GetProperty("snippet").GetString(), Does.Contain("<mark>蓝鲸</mark>"));
    }

    [Test]
    public async Task ThePageShowsTheTotalAndLoadsMoreOnScroll()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LINKSNAP_CHROMIUM") ?? "/usr/lib/chromium/chromium",
            Headless = true,
            Args = ["--disable-quic"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US" });
        await page.GotoAsync(_daemon.Session.LoginUrl);
        await Expect(page.Locator("#summary")).ToHaveTextAsync("100,000 links");
        await Expect(page.Locator(".card")).ToHaveCountAsync(50);
        await page.Locator(".card").Last.ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator(".card")).ToHaveCountAsync(100);
        await Expect(page.Locator(".card").Nth(99).Locator(".title")).ToHaveTextAsync($"Synthetic page {Count - 99}");

        await page.GotoAsync(new Uri(_daemon.LibraryUri, "/?tag=even&tag=third&status=failed").ToString());
        await Expect(page.Locator("#summary")).ToHaveTextAsync("2,380 links");

        await page.GotoAsync(new Uri(_daemon.LibraryUri, "/?tag=even").ToString());
        await Expect(page.Locator("#summary")).ToHaveTextAsync("10,000+ links");
        await Expect(page.Locator(".card")).ToHaveCountAsync(50);
    }

    private static void Exec(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction tx, string sql)
    {
        using var command = Command(connection, tx, sql);
        command.ExecuteNonQuery();
    }

    private static Microsoft.Data.Sqlite.SqliteCommand Command(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private static void Run(Microsoft.Data.Sqlite.SqliteCommand command, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
