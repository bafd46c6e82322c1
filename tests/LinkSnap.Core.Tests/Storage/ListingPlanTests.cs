using LinkSnap.Core.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Storage;

/// <summary>
/// A tag listing either walks the links in sort order testing their tags (common tags) or starts from
/// the tagged links (rare tags); both must give the same pages. Totals are exact up to the store's
/// count limit and flagged as a lower bound past it.
/// </summary>
public sealed class ListingPlanTests
{
    private const int Count = 60;
    private StoreFixture _fixture = null!;
    private readonly Dictionary<long, (string Title, string Site, bool Common, bool Rare, bool Child, bool Failed)> _links = [];

    [OneTimeSetUp]
    public void SetUp()
    {
        _fixture = new StoreFixture();

        // Link i: "common" when i % 3 != 0 (40 links), "rare/child" when i % 20 == 7 (3 links), "rare" itself
        // when i is 7 or 47 (so one link carries a tag and its child), failed when i % 4 == 0.
        for (var i = 0; i < Count; i++)
        {
            var tags = new List<string>();
            if (i % 3 != 0) tags.Add("common");
            if (i % 20 == 7) tags.Add("rare/child");
            if (i is 7 or 47) tags.Add("rare");
            var ticket = _fixture.Add($"https://site{i % 4}.example/{i}", [.. tags]);
            var title = $"Title {(i * 37) % Count:00}";
            _fixture.Complete(ticket.SnapshotId, title, "text", i % 4 == 0 ? SnapshotStatus.Failed : SnapshotStatus.Done);
            title = _fixture.Store.GetLink(ticket.LinkId)!.Title; // a failed capture leaves the title as it was
            _links[ticket.LinkId] = (title, $"site{i % 4}.example", i % 3 != 0, tags.Any(t => t.StartsWith("rare", StringComparison.Ordinal)), i % 20 == 7, i % 4 == 0);
        }
    }

    [OneTimeTearDown]
    public void TearDown() => _fixture.Dispose();

    private static List<long> Walk(LinkStore store, LinkListQuery query)
    {
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = store.Listing.ListLinks(query with { Limit = 2, Cursor = cursor });
            seen.AddRange(page.Items.Select(l => l.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return seen;
    }

    private List<long> Expected(Func<(string Title, string Site, bool Common, bool Rare, bool Child, bool Failed), bool> predicate, LinkSort sort, bool descending)
    {
        var matches = _links.Where(l => predicate(l.Value));
        var ordered = sort switch
        {
            LinkSort.Title => matches.OrderBy(l => l.Value.Title, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Key),
            LinkSort.Site => matches.OrderBy(l => l.Value.Site, StringComparer.Ordinal).ThenBy(l => l.Key),
            _ => matches.OrderBy(l => l.Key), // saved one second apart, in id order
        };
        var ids = ordered.Select(l => l.Key).ToList();
        if (descending)
        {
            ids.Reverse();
        }

        return ids;
    }

    [TestCase(LinkSort.Saved, true)]
    [TestCase(LinkSort.Saved, false)]
    [TestCase(LinkSort.Title, false)]
    [TestCase(LinkSort.Site, true)]
    public void Common_and_rare_tag_pages_match_the_links_in_order(LinkSort sort, bool descending)
    {
        var store = _fixture.Store;
        var query = new LinkListQuery { Sort = sort, Descending = descending };
        Assert.That(Walk(store, query with { Tags = ["common"] }), Is.EqualTo(Expected(l => l.Common, sort, descending)), "common tag: walked in sort order");
        Assert.That(Walk(store, query with { Tags = ["rare"] }), Is.EqualTo(Expected(l => l.Rare, sort, descending)), "rare tag with its child: started from the tagged links");
        Assert.That(Walk(store, query with { Tags = ["rare", "common"] }), Is.EqualTo(Expected(l => l.Rare && l.Common, sort, descending)));
        Assert.That(Walk(store, query with { Tags = ["rare/child", "common"], MatchAllTags = false }), Is.EqualTo(Expected(l => l.Child || l.Common, sort, descending)));
        Assert.That(Walk(store, query with { Tags = ["common"], Status = SnapshotStatus.Failed }), Is.EqualTo(Expected(l => l.Common && l.Failed, sort, descending)));
        Assert.That(Walk(store, query with { Tags = ["rare"], Site = "site3.example" }), Is.EqualTo(Expected(l => l.Rare && l.Site == "site3.example", sort, descending)));
    }

    [Test]
    public void Totals_are_exact_up_to_the_limit_then_a_lower_bound()
    {
        var store = new LinkStore(_fixture.Database, _fixture.Clock) { Listing = new LinkListing(_fixture.Database) { TotalCountLimit = 15 } };

        LinkPage Page(LinkListQuery q) => store.Listing.ListLinks(q with { Limit = 5 });

        Assert.That(Page(new LinkListQuery()), Has.Property(nameof(LinkPage.Total)).EqualTo(Count).And.Property(nameof(LinkPage.TotalIsLowerBound)).False, "the whole library is always counted");
        Assert.That(Page(new LinkListQuery { States = [LinkStateFilter.Unarchived] }), Has.Property(nameof(LinkPage.Total)).EqualTo(Count).And.Property(nameof(LinkPage.TotalIsLowerBound)).False, "so is the library's default view, all but the archived");
        Assert.That(Page(new LinkListQuery { Tags = ["common"] }), Has.Property(nameof(LinkPage.Total)).EqualTo(15).And.Property(nameof(LinkPage.TotalIsLowerBound)).True);
        Assert.That(Page(new LinkListQuery { Site = "site1.example" }), Has.Property(nameof(LinkPage.Total)).EqualTo(15).And.Property(nameof(LinkPage.TotalIsLowerBound)).False, "exactly at the limit is exact");
        Assert.That(Page(new LinkListQuery { Tags = ["common"], Status = SnapshotStatus.Failed }), Has.Property(nameof(LinkPage.Total)).EqualTo(10).And.Property(nameof(LinkPage.TotalIsLowerBound)).False);
        Assert.That(Page(new LinkListQuery { Tags = ["rare", "common"] }), Has.Property(nameof(LinkPage.Total)).EqualTo(2).And.Property(nameof(LinkPage.TotalIsLowerBound)).False);
        Assert.That(Page(new LinkListQuery { Tags = ["rare", "common"], Site = "site3.example" }).Total, Is.EqualTo(2));
        Assert.That(Page(new LinkListQuery { Tags = ["common", "rare/child"], Status = SnapshotStatus.Failed }).Total, Is.Zero);
        Assert.That(Page(new LinkListQuery { Tags = ["rare"] }), Has.Property(nameof(LinkPage.Total)).EqualTo(3).And.Property(nameof(LinkPage.TotalIsLowerBound)).False, "a link with a tag and its child counts once");
        Assert.That(Page(new LinkListQuery { Tags = ["rare/child", "common"], MatchAllTags = false }).TotalIsLowerBound, Is.True);
        Assert.That(Page(new LinkListQuery { Text = "text" }), Has.Property(nameof(LinkPage.Total)).EqualTo(15).And.Property(nameof(LinkPage.TotalIsLowerBound)).True);
        Assert.That(Page(new LinkListQuery { Text = "text", Tags = ["rare"] }), Has.Property(nameof(LinkPage.Total)).EqualTo(3).And.Property(nameof(LinkPage.TotalIsLowerBound)).False);
        Assert.That(Walk(store, new LinkListQuery { Tags = ["common"] }), Has.Count.EqualTo(40), "a capped total does not cap the pages");
    }
}
