using LinkSnap.Core.Storage;
using LinkSnap.Core.Tests.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Search;

public sealed class SearchTests : StoreTestBase
{
    private long Save(string url, string title, string text, params string[] tags)
    {
        var ticket = Fixture.Add(url, tags);
        Fixture.Complete(ticket.SnapshotId, title, text);
        return ticket.LinkId;
    }

    private LinkPage Search(string q, int limit = 50) => Fixture.Store.Listing.ListLinks(new LinkListQuery { Text = q, Limit = limit });

    [Test]
    public void Chinese_two_and_one_character_queries_find_the_word_inside_a_run()
    {
        var id = Save("https://example.cn/a", "新闻", "近年来，大语言模型的研究进展迅速，模型规模不断扩大。");
        Save("https://example.cn/b", "天气", "今天北京天气晴朗。");

        Assert.That(Search("模型").Items.Select(l => l.Id), Is.EqualTo(new[] { id }));
        Assert.That(Search("模").Items.Select(l => l.Id), Is.EqualTo(new[] { id }));
        Assert.That(Search("语言模型").Items.Select(l => l.Id), Is.EqualTo(new[] { id }));
        Assert.That(Search("模语").Items, Is.Empty, "characters must be adjacent and in order");
        Assert.That(Search("模型").Items[0].Snippet, Does.Contain("<mark>模型</mark>"));
        Assert.That(Search("模型").Items[0].Snippet, Does.Contain("大语言"), "the snippet is the original text, without separators");
        Assert.That(Search("模型").Items[0].Snippet!.Contains('\u200B', StringComparison.Ordinal), Is.False);
    }

    [Test]
    public void Japanese_and_Korean_words_are_found()
    {
        var ja = Save("https://example.jp/a", "ニュース", "東京都では新しい図書館が開館しました。");
        var ko = Save("https://example.kr/a", "뉴스", "서울에서 새로운 도서관이 문을 열었습니다.");

        Assert.That(Search("図書館").Items.Select(l => l.Id), Is.EqualTo(new[] { ja }));
        Assert.That(Search("開館").Items.Select(l => l.Id), Is.EqualTo(new[] { ja }));
        Assert.That(Search("도서관").Items.Select(l => l.Id), Is.EqualTo(new[] { ko }));
        Assert.That(Search("서울").Items.Select(l => l.Id), Is.EqualTo(new[] { ko }));
        Assert.That(Search("도서관").Items[0].Snippet, Does.Contain("새로운 <mark>도서관</mark>이"), "Korean spaces survive");
    }

    [Test]
    public void Title_hits_rank_above_body_hits()
    {
        var body = Save("https://example.org/body", "Cooking notes", "Some text that mentions interpretability once among many other words about pasta.");
        var title = Save("https://example.org/title", "Interpretability of neural networks", "An overview.");

        Assert.That(Search("interpretability").Items.Select(l => l.Id), Is.EqualTo(new[] { title, body }));
    }

    [Test]
    public void Url_tags_and_note_are_searchable_and_prefixes_match()
    {
        var id = Save("https://docs.example.org/guide", "Guide", "text", "nlp/transformers");
        Fixture.Store.UpdateLink(id, null, "remember the appendix", null);

        Assert.That(Search("docs").Items.Select(l => l.Id), Is.EqualTo(new[] { id }));
        Assert.That(Search("transformers").Items.Select(l => l.Id), Is.EqualTo(new[] { id }));
        Assert.That(Search("appendix").Items.Select(l => l.Id), Is.EqualTo(new[] { id }));
        Assert.That(Search("appen").Items.Select(l => l.Id), Is.EqualTo(new[] { id }), "search as you type");
        Assert.That(Search("appendix missing").Items, Is.Empty, "terms are ANDed");
    }

    [Test]
    public void Snippets_are_html_escaped_and_marked()
    {
        Save("https://example.org/x", "X", "Use <script>alert(1)</script> & the keyword here.");
        var snippet = Search("keyword").Items.Single().Snippet!;
        Assert.That(snippet, Does.Contain("&lt;script&gt;"));
        Assert.That(snippet, Does.Contain("&amp;"));
        Assert.That(snippet, Does.Contain("<mark>keyword</mark>"));
        Assert.That(snippet, Does.Not.Contain("<script>"));
    }

    [TestCase("\"")]
    [TestCase("c++ AND")]
    [TestCase("NEAR(")]
    [TestCase("***")]
    [TestCase("a\"b OR (c")]
    public void Any_typed_text_is_a_valid_query(string q)
    {
        Save("https://example.org/x", "c++ tips", "some text");
        Assert.That(() => Search(q), Throws.Nothing);
    }

    [Test]
    public void Search_results_page_with_a_cursor()
    {
        for (var i = 0; i < 5; i++)
        {
            Save($"https://example.org/{i}", $"Page {i}", "common word");
        }

        var first = Search("common", limit: 2);
        var second = Fixture.Store.Listing.ListLinks(new LinkListQuery { Text = "common", Limit = 2, Cursor = first.NextCursor });
        var third = Fixture.Store.Listing.ListLinks(new LinkListQuery { Text = "common", Limit = 2, Cursor = second.NextCursor });
        Assert.That(first.Total, Is.EqualTo(5));
        Assert.That(third.NextCursor, Is.Null);
        Assert.That(first.Items.Concat(second.Items).Concat(third.Items).Select(l => l.Id).Distinct().Count(), Is.EqualTo(5));
    }

    [Test]
    public void A_newer_capture_replaces_the_indexed_text_and_a_failed_one_keeps_it()
    {
        var id = Save("https://example.org/a", "A", "original words");
        var again = Fixture.Add("https://example.org/a");
        Fixture.Complete(again.SnapshotId, null, null, SnapshotStatus.Failed);
        Assert.That(Search("original").Items.Select(l => l.Id), Is.EqualTo(new[] { id }));
        var third = Fixture.Add("https://example.org/a");
        Fixture.Complete(third.SnapshotId, "A", "replacement");
        Assert.That(Search("original").Items, Is.Empty);
        Assert.That(Search("replacement").Items.Select(l => l.Id), Is.EqualTo(new[] { id }));
    }
}
