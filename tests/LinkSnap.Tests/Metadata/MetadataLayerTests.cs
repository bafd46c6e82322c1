using System.Text.Json;
using LinkSnap.Core.Capture.Metadata;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Tests.Metadata;

/// <summary>
/// The metadata layer (MetadataScript, the string the engine evaluates) on page structures taken from
/// real sites: each source, each cleaning rule and each date format, in one shared Chromium.
/// </summary>
[TestFixture]
public sealed class MetadataLayerTests
{
    // The capture time every case is read at: 2026-12-05 12:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LINKSNAP_CHROMIUM") ?? "/usr/lib/chromium/chromium",
            Headless = true,
        });
        _page = await _browser.NewPageAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    private async Task<MetadataScan> ScanAsync(string head, string body, string url = "https://example.org/post", object? article = null)
    {
        await _page.SetContentAsync($"<!DOCTYPE html><html><head><meta charset=utf-8>{head}</head><body>{body}</body></html>");
        var json = await _page.EvaluateAsync<JsonElement>(MetadataScript.Source, new { now = Now.ToUnixTimeMilliseconds(), url, article });
        return json.Deserialize<MetadataScan>(Web)!;
    }

    // Titles: the site's name is removed before or after the title, in every separator style.
    [TestCase("<title>预训练模型的一些思考 - 博客</title><meta property=og:site_name content=博客>", "", "预训练模型的一些思考")]
    [TestCase("<title>男子高速路上逆行被查_新浪网</title>", "", "男子高速路上逆行被查", Description = "the site name is known from the host (sina)")]
    [TestCase("<title>The Future of Batteries | WIRED.jp</title><meta property=og:site_name content='WIRED.jp'>", "", "The Future of Batteries")]
    [TestCase("<title>桜の開花、今年は早く：朝日新聞デジタル</title><meta property=og:site_name content=朝日新聞デジタル>", "", "桜の開花、今年は早く")]
    [TestCase("<title>Ryan Gosling on Fatherhood - HelloGiggles</title>", "<h1>Ryan Gosling on Fatherhood</h1>", "Ryan Gosling on Fatherhood")]
    [TestCase("<title>Site | A title with: a colon</title><meta property=og:title content='A title with: a colon'>", "<h1>A title with: a colon</h1>", "A title with: a colon")]
    public async Task Title_is_decided_without_the_site_name(string head, string body, string expected)
    {
        var url = head.Contains("新浪网", StringComparison.Ordinal) ? "https://news.sina.com.cn/c/2021-11-20/doc.shtml" : "https://www.example.org/post";
        var scan = await ScanAsync(head, body, url);
        Assert.That(scan.Title, Is.EqualTo(expected));
    }

    // Authors: every JSON-LD shape, meta tags (content or value), itemprop, rel=author, byline elements, CJK labels.
    [TestCase("<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"author\":\"Travis Haney\"}</script>", "", "Travis Haney", "json-ld author")]
    [TestCase("<script type=application/ld+json>{\"@type\":\"Article\",\"author\":[{\"@type\":\"Person\",\"name\":\"Julia Horowitz\"}]}</script>", "", "Julia Horowitz", "json-ld author")]
    [TestCase("<script type=application/ld+json>{\"@graph\":[{\"@type\":\"BlogPosting\",\"author\":{\"@id\":\"#p1\"}},{\"@id\":\"#p1\",\"@type\":\"Person\",\"name\":\"Mattias Geniar\"}]}</script>", "", "Mattias Geniar", "json-ld author")]
    [TestCase("<meta name=author value='Lisa de Moraes'>", "", "Lisa de Moraes", "meta author")]
    [TestCase("", "<article><h1>T</h1><span itemprop=author itemscope><span itemprop=name>Drew Dietsch</span></span></article>", "Drew Dietsch", "itemprop=author")]
    [TestCase("", "<article><h1>T</h1><div class=byline>ByTravis Haney</div></article>", "Travis Haney", "readability byline")]
    [TestCase("", "<article><h1>T</h1><p class=article-byline>By Laura E. Adkins December 28, 2016</p></article>", "Laura E. Adkins", ".byline element")]
    [TestCase("", "<article><h1>预训练模型的一些思考</h1><p>作者：夕小瑶 · 2021-11-20</p><p>正文</p></article>", "夕小瑶", "visible CJK label")]
    [TestCase("", "<h1>一篇新闻</h1><div>2005-03-21 11:21　文/尹娟　来源：新华网</div><p>正文</p>", "尹娟", "visible CJK label")]
    [TestCase("", "<h1>一篇新闻</h1><p>正文内容很长。</p><p>（记者 王建宏 张文攀）</p>", "王建宏 张文攀", "visible CJK label")]
    public async Task Author_is_read_from_every_source_and_cleaned(string head, string body, string expected, string source)
    {
        var article = source == "readability byline" ? new { byline = "ByTravis Haney" } : null;
        var scan = await ScanAsync(head, body, article: article);
        Assert.Multiple(() =>
        {
            Assert.That(scan.Author, Is.EqualTo(expected));
            Assert.That(scan.Sources["author"], Is.EqualTo(source));
        });
    }

    [Test]
    public async Task A_dateline_is_not_an_author()
    {
        var scan = await ScanAsync("", "<article><h1>T</h1><p class=byline>Published: Dec. 22, 2016 at 10:04 AM</p></article>");
        Assert.That(scan.Author, Is.Null);
    }

    // Dates: structured sources, and visible dates in every common format, normalized to ISO 8601.
    [TestCase("<script type=application/ld+json>{\"@type\":\"VideoObject\",\"uploadDate\":\"2019-04-21T02:51:39Z\"}</script>", "", "2019-04-21T02:51:39Z", "json-ld uploadDate")]
    [TestCase("<meta name=DC.date content=2016-12-09>", "", "2016-12-09", "meta dc.date")]
    [TestCase("<meta property=article:published_time value='2016-12-09T09:13:00.000Z'>", "", "2016-12-09T09:13:00Z", "meta article:published_time")]
    [TestCase("", "<h1>标题</h1><p>发布时间：2021年11月20日 10:30</p>", "2021-11-20T10:30:00", "visible labelled date")]
    [TestCase("", "<h1>Title</h1><p>Posted 2021-11-20 10:30</p>", "2021-11-20T10:30:00", "visible labelled date")]
    [TestCase("", "<h1>Title</h1><p>11/20/2021 – a story</p>", "2021-11-20", "visible date near the title")]
    [TestCase("", "<h1>Titel</h1><p>20.11.2021 · Ein Bericht</p>", "2021-11-20", "visible date near the title")]
    [TestCase("", "<h1>Title</h1><p>Tue Jan 28 15:28:56 CET 2020</p>", "2020-01-28T15:28:56+01:00", "visible date near the title")]
    [TestCase("", "<h1>Title</h1><span class=date>3 days ago</span>", "2026-12-02", "visible relative date")]
    [TestCase("", "<h1>标题</h1><span class=time>2天前</span>", "2026-12-03", "visible relative date")]
    public async Task Published_date_is_read_and_normalized(string head, string body, string expected, string source)
    {
        var scan = await ScanAsync(head, body);
        Assert.Multiple(() =>
        {
            Assert.That(scan.Published, Is.EqualTo(expected));
            Assert.That(scan.Sources["published"], Is.EqualTo(source));
        });
    }

    [Test]
    public async Task The_article_header_time_wins_over_the_first_time_on_the_page()
    {
        var scan = await ScanAsync("", "<nav><time datetime=2026-12-01>Today's edition</time></nav><article><header><h1>T</h1><time datetime=2016-08-03T10:00:00-04:00>Aug 3</time></header><p>Updated <time datetime=2016-09-01>later</time></p></article>");
        Assert.That(scan.Published, Is.EqualTo("2016-08-03T10:00:00-04:00"));
    }

    [Test]
    public async Task Future_pre_1990_and_capture_time_dates_are_not_publication_dates()
    {
        var scan = await ScanAsync(
            "<meta property=article:published_time content=2027-06-01><meta name=date content=1970-01-01><meta name=pubdate content=2026-12-05T12:00:00Z>",
            "<h1>T</h1>",
            url: "https://example.org/2016/12/09/story");
        Assert.Multiple(() =>
        {
            Assert.That(scan.Published, Is.EqualTo("2016-12-09"));
            Assert.That(scan.Sources["published"], Is.EqualTo("url path"));
        });
    }

    [Test]
    public async Task Modified_date_is_kept_apart_from_published()
    {
        var scan = await ScanAsync("<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-05-15T05:11:00+02:00\",\"dateModified\":\"2020-05-16T08:00:00+02:00\"}</script>", "<h1>T</h1>");
        Assert.Multiple(() =>
        {
            Assert.That(scan.Published, Is.EqualTo("2020-05-15T05:11:00+02:00"));
            Assert.That(scan.Modified, Is.EqualTo("2020-05-16T08:00:00+02:00"));
        });
    }

    [TestCase("<p>这是一篇关于机器学习的中文文章，讨论了预训练模型的发展与未来方向。</p>", "zh")]
    [TestCase("<p>これは日本語の記事です。電子マネー対応のガシャポンが稼働を開始しました。</p>", "ja")]
    [TestCase("<p>This is an article about the harbour and the people who live there, with the fishing fleet.</p>", "en")]
    public async Task Language_is_detected_from_the_text_when_none_is_declared(string body, string expected)
    {
        var scan = await ScanAsync("", body);
        Assert.Multiple(() =>
        {
            Assert.That(scan.Language, Is.EqualTo(expected));
            Assert.That(scan.Sources["language"], Is.EqualTo("detected from the text"));
        });
    }

    [Test]
    public async Task Site_description_lead_image_and_canonical_url_are_absolute_and_sourced()
    {
        var scan = await ScanAsync(
            "<meta property=og:site_name content='Coast Stories'><meta name=description content='A story.'><meta property=og:image content='/img/lead.jpg'><link rel=canonical href='/lighthouse'>",
            "<h1>T</h1>");
        Assert.Multiple(() =>
        {
            Assert.That(scan.SiteName, Is.EqualTo("Coast Stories"));
            Assert.That(scan.Description, Is.EqualTo("A story."));
            Assert.That(scan.Image, Is.EqualTo("https://example.org/img/lead.jpg"));
            Assert.That(scan.Canonical, Is.EqualTo("https://example.org/lighthouse"));
            Assert.That(scan.Sources["image"], Is.EqualTo("meta og:image"));
        });
    }
}
