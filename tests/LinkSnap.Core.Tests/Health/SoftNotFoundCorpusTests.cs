using System.IO.Compression;
using System.Text;
using System.Text.Json;
using LinkSnap.Core.Health;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Health;

/// <summary>
/// The soft-404 judge's thresholds (SoftNotFound: ≥ 0.85 like the made-up address's answer, &lt; 0.5 like
/// the saved text, parked phrases) on real pages: every article of the corpus is alive, also when
/// compared with its own article text as the saved version (most of a real page is not its article) and
/// when there is no saved text at all. The "gone" side uses written samples of parked, for-sale,
/// expired and not-found pages (the corpus has no 404 answers), each against saved article text.
/// Rates are printed for docs/decisions/037.
/// </summary>
public sealed class SoftNotFoundCorpusTests
{
    private static readonly string[] GonePages =
    [
        "<title>example-news.com is for sale</title><h1>This domain is for sale!</h1><p>Buy this domain. The owner of example-news.com is offering it for sale for an asking price of 2,500 USD.</p>",
        "<title>example-news.com</title><p>This domain has expired. If you are the registrant, renew it at your registrar.</p><p>Related searches: news today, weather, cheap flights</p>",
        "<title>Parked Domain name on Hostinger DNS system</title><h1>This domain is parked free of charge</h1><p>Parked free, courtesy of the registrar. Related links.</p>",
        "<title>Page not found – Example News</title><h1>Oops! That page can’t be found.</h1><p>It looks like nothing was found at this location. Maybe try a search?</p>",
        "<title>404 Not Found</title><h1>404 Not Found</h1><hr><p>nginx</p>",
        "<title>页面不存在</title><h1>抱歉，您访问的页面不存在</h1><p>可能是网址有误，或者该页面已被删除。返回首页</p>",
        "<title>域名出售</title><p>此域名正在出售中，欢迎联系购买。域名出售 联系邮箱</p>",
        "<title>Example News</title><h1>Sorry, we couldn't find that page</h1><p>404 not found. The story you are looking for may have been moved or deleted.</p>",
    ];

    [Test]
    public void No_corpus_article_page_is_judged_a_soft_404_and_written_gone_pages_are()
    {
        var articles = Articles().ToList();
        Assert.That(articles, Has.Count.GreaterThan(350), "zyte-aeb, zh-cwced-dev and postlight pages");

        var flaggedWithSaved = new List<string>();
        var flaggedWithoutSaved = new List<string>();
        foreach (var (name, page, saved) in articles)
        {
            if (saved is not null && SoftNotFound.Judge(page, null, saved) is { } why)
            {
                flaggedWithSaved.Add($"{name}: {why}");
            }

            if (SoftNotFound.Judge(page, null, null) is { } whyNoSaved)
            {
                flaggedWithoutSaved.Add($"{name}: {whyNoSaved}");
            }
        }

        var withSaved = articles.Count(a => a.Saved is not null);
        var savedTexts = articles.Where(a => a.Saved is not null).Select(a => a.Saved!).Take(20).ToList();
        var missed = new List<string>();
        foreach (var html in GonePages)
        {
            var gone = PageText.Read(Encoding.UTF8.GetBytes(html), "utf-8");
            missed.AddRange(savedTexts.Where(saved => SoftNotFound.Judge(gone, null, saved) is null).Select(_ => gone.Title).Distinct());
        }

        // How much the "unlike the saved text" threshold alone decides: these pages already look unlike their own article text.
        var unlikeOwnText = articles.Count(a => a.Saved is not null && PageText.Similarity(a.Page.Text, a.Saved) < SoftNotFound.UnlikeSaved);
        TestContext.Out.WriteLine($"false positives with the saved article text: {flaggedWithSaved.Count} of {withSaved} ({unlikeOwnText} of them read unlike their own article text, < {SoftNotFound.UnlikeSaved})");
        TestContext.Out.WriteLine($"false positives without saved text: {flaggedWithoutSaved.Count} of {articles.Count}");
        TestContext.Out.WriteLine($"gone samples missed: {missed.Count} of {GonePages.Length} (each against {savedTexts.Count} saved texts)");
        foreach (var line in flaggedWithSaved.Concat(flaggedWithoutSaved).Concat(missed.Select(m => "missed: " + m)))
        {
            TestContext.Out.WriteLine(line);
        }

        Assert.That(flaggedWithSaved.Concat(flaggedWithoutSaved), Is.Empty, "an article page that answers is alive");
        Assert.That(missed, Is.Empty, "a parked, for-sale, expired or not-found page is a soft 404");
    }

    /// <summary>Corpus articles as the checker reads them, with their article text (the saved version's) where the corpus has one.</summary>
    private static IEnumerable<(string Name, PageText.Page Page, string? Saved)> Articles()
    {
        foreach (var (set, charset) in new[] { ("extraction/zyte-aeb", "utf-8"), ("extraction/zh-cwced-dev", null), ("extraction/postlight", null) })
        {
            var folder = Corpus.RequireDirectory(set);
            foreach (var line in File.ReadLines(Path.Combine(folder, "index.jsonl")))
            {
                using var entry = JsonDocument.Parse(line);
                var root = entry.RootElement;
                var path = Path.Combine(folder, root.GetProperty("html").GetString()!);
                var bytes = path.EndsWith(".gz", StringComparison.Ordinal) ? Gunzip(path) : File.ReadAllBytes(path);
                var saved = root.TryGetProperty("gt", out var gt) && gt.TryGetProperty("text", out var text) ? text.GetString() : null;
                yield return ($"{set}/{root.GetProperty("id").GetString()}", PageText.Read(bytes, charset), saved);
            }
        }
    }

    private static byte[] Gunzip(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
