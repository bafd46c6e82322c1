using LinkSnap.Core.Search;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Tests.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Search;

/// <summary>Ranking in windows of the newest matches, snippets for the page only, and the CJK match expression.</summary>
public sealed class SearchWindowTests
{
    private StoreFixture _fixture = null!;
    private List<long> _ids = null!;

    [SetUp]
    public void SetUp()
    {
        _fixture = new StoreFixture();

        // Oldest first; links 0 and 4 have "zebra" in the title, the others only in the text.
        _ids = [];
        for (var i = 0; i < 7; i++)
        {
            var ticket = _fixture.Add($"https://example.org/{i}");
            var title = i is 0 or 4 ? $"Zebra notes {i}" : $"Page {i}";
            _fixture.Complete(ticket.SnapshotId, title, $"Some words about zebras and number {i} and more words after them.");
            _ids.Add(ticket.LinkId);
        }
    }

    [TearDown]
    public void TearDown() => _fixture.Dispose();

    private static List<LinkRecord> WalkAll(LinkStore store, string q, int limit)
    {
        var seen = new List<LinkRecord>();
        string? cursor = null;
        do
        {
            var page = store.Listing.ListLinks(new LinkListQuery { Text = q, Limit = limit, Cursor = cursor });
            Assert.That(page.Items, Has.Count.LessThanOrEqualTo(limit));
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return seen;
    }

    [Test]
    public void Within_the_window_every_match_is_ranked_together()
    {
        var results = WalkAll(_fixture.Store, "zebra", 2);
        Assert.That(results.Take(2).Select(l => l.Id), Is.EquivalentTo(new[] { _ids[0], _ids[4] }), "title hits first, old or new");
        Assert.That(results.Select(l => l.Id), Is.EquivalentTo(_ids));
    }

    [Test]
    public void Past_the_window_the_newest_matches_are_ranked_first_and_older_ones_follow()
    {
        var store = new LinkStore(_fixture.Database, _fixture.Clock) { Listing = new LinkListing(_fixture.Database) { RankWindow = 3 } };
        var results = WalkAll(store, "zebra", 2).Select(l => l.Id).ToList();

        Assert.That(results, Has.Count.EqualTo(7).And.Unique);
        Assert.That(results.Take(3), Is.EquivalentTo(new[] { _ids[4], _ids[5], _ids[6] }));
        Assert.That(results[0], Is.EqualTo(_ids[4]), "the title hit leads its window");
        Assert.That(results.Skip(3).Take(3), Is.EquivalentTo(new[] { _ids[1], _ids[2], _ids[3] }));
        Assert.That(results[6], Is.EqualTo(_ids[0]));
    }

    [Test]
    public void Every_result_of_a_prefix_query_carries_its_own_marked_snippet()
    {
        var results = WalkAll(new LinkStore(_fixture.Database, _fixture.Clock) { Listing = new LinkListing(_fixture.Database) { RankWindow = 3 } }, "zeb", 3);
        Assert.That(results, Has.Count.EqualTo(7));
        foreach (var link in results)
        {
            var n = _ids.IndexOf(link.Id);
            Assert.That(link.Snippet, Does.Match("<mark>[Zz]ebras?</mark>"), $"link {n}");
            Assert.That(link.Snippet, Does.Contain($"number {n} ").Or.Contain($"notes {n}"), $"link {n} has its own snippet");
        }
    }

    [TestCase(3, 100, 7, false)] // the window holds 3, the 4 older matches are counted after it
    [TestCase(10, 100, 7, false)] // the window holds every match: no count at all
    [TestCase(3, 5, 5, true)] // the older matches take the count past the limit
    [TestCase(3, 2, 2, true)] // the window alone is past the limit
    [TestCase(3, 7, 7, false)] // exactly at the limit is exact
    public void Totals_of_a_search_are_the_same_whatever_the_window(int window, int countLimit, int total, bool lowerBound)
    {
        var store = new LinkStore(_fixture.Database, _fixture.Clock) { Listing = new LinkListing(_fixture.Database) { RankWindow = window, TotalCountLimit = countLimit } };
        foreach (var limit in new[] { 1, 2, 5 })
        {
            string? cursor = null;
            do
            {
                var page = store.Listing.ListLinks(new LinkListQuery { Text = "zebra", Limit = limit, Cursor = cursor });
                Assert.That((page.Total, page.TotalIsLowerBound), Is.EqualTo((total, lowerBound)), $"page size {limit}, cursor {cursor}");
                cursor = page.NextCursor;
            }
            while (cursor is not null);
        }

        var tagged = _fixture.Add("https://example.org/tagged", "zoo").LinkId;
        _fixture.Store.UpdateLink(_ids[1], null, null, ["zoo"]);
        _fixture.Store.UpdateLink(_ids[5], null, null, ["zoo"]);
        Assert.That(store.Listing.ListLinks(new LinkListQuery { Text = "zebra", Tags = ["zoo"], Limit = 1 }).Total, Is.EqualTo(2), $"tag filters apply to the count of older matches too (link {tagged} has no zebra)");
    }

    [TestCase("quantum", "\"quantum\"*")]
    [TestCase("书", "\"书\"")]
    [TestCase("人工智能", "\"人\u200B工\u200B智\u200B能\"")]
    [TestCase("书。", "\"书\u200B。\"")]
    [TestCase("模型 rust", "\"模\u200B型\" AND \"rust\"*")]
    [TestCase("GPT模型v2", "\"GPT\u200B模\u200B型\u200Bv2\"*")]
    public void A_term_ending_in_a_CJK_character_is_matched_exactly_others_as_a_prefix(string text, string expected)
    {
        Assert.That(SearchQuery.ToMatchExpression(text), Is.EqualTo(expected));
    }

    [Test]
    public void A_CJK_term_still_finds_the_character_inside_longer_text()
    {
        var ticket = _fixture.Add("https://example.cn/a");
        _fixture.Complete(ticket.SnapshotId, "读书笔记", "今天读了一本书。");
        var id = ticket.LinkId;
        var page = _fixture.Store.Listing.ListLinks(new LinkListQuery { Text = "书" });
        Assert.That(page.Items.Select(l => l.Id), Is.EqualTo(new[] { id }));
        Assert.That(page.Items[0].Snippet, Does.Contain("<mark>书</mark>"));
    }
}
