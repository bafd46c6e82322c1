using LinkSnap.Core.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Storage;

public sealed class LinkListingTests : StoreTestBase
{
    [Test]
    public void Keyset_pages_walk_every_link_once_newest_first()
    {
        var ids = Enumerable.Range(0, 7).Select(i => Fixture.Add($"https://example.org/{i}").LinkId).ToList();
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = Store.Listing.ListLinks(new LinkListQuery { Limit = 3, Cursor = cursor });
            Assert.That(page.Total, Is.EqualTo(7));
            seen.AddRange(page.Items.Select(l => l.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.That(seen, Is.EqualTo(ids.AsEnumerable().Reverse().ToList()));
    }

    [Test]
    public void Sorts_by_title_and_site_both_ways()
    {
        var b = Fixture.Add("https://b.example/x");
        var a = Fixture.Add("https://a.example/x");
        Fixture.Complete(b.SnapshotId, "apple", "x");
        Fixture.Complete(a.SnapshotId, "Banana", "x");

        Assert.That(Store.Listing.ListLinks(new LinkListQuery { Sort = LinkSort.Title, Descending = false }).Items.Select(l => l.Title), Is.EqualTo(new[] { "apple", "Banana" }));
        Assert.That(Store.Listing.ListLinks(new LinkListQuery { Sort = LinkSort.Site, Descending = false }).Items.Select(l => l.Site), Is.EqualTo(new[] { "a.example", "b.example" }));
        Assert.That(Store.Listing.ListLinks(new LinkListQuery { Sort = LinkSort.Site, Descending = true, Limit = 1 }).Items.Single().Site, Is.EqualTo("b.example"));
    }

    [Test]
    public void Filters_by_tags_and_or_with_children_site_status_and_dates()
    {
        var both = Fixture.Add("https://www.one.example/a", "nlp/interpretability", "reading").LinkId;
        var nlp = Fixture.Add("https://two.example/a", "NLP").LinkId;
        var reading = Fixture.Add("https://two.example/b", "reading");
        Fixture.Complete(reading.SnapshotId, "r", "x", SnapshotStatus.Failed);

        long[] Ids(LinkListQuery q) => Store.Listing.ListLinks(q).Items.Select(l => l.Id).Order().ToArray();

        Assert.That(Ids(new LinkListQuery { Tags = ["nlp"] }), Is.EqualTo(new[] { both, nlp }), "a parent tag matches its children");
        Assert.That(Ids(new LinkListQuery { Tags = ["nlp", "reading"] }), Is.EqualTo(new[] { both }));
        Assert.That(Ids(new LinkListQuery { Tags = ["nlp", "reading"], MatchAllTags = false }), Is.EqualTo(new[] { both, nlp, reading.LinkId }));
        Assert.That(Ids(new LinkListQuery { Site = "one.example" }), Is.EqualTo(new[] { both }));
        Assert.That(Ids(new LinkListQuery { Site = "www.one.example" }), Is.EqualTo(new[] { both }));
        Assert.That(Ids(new LinkListQuery { Status = SnapshotStatus.Failed }), Is.EqualTo(new[] { reading.LinkId }));
        Assert.That(Ids(new LinkListQuery { Status = SnapshotStatus.Queued }), Is.EqualTo(new[] { both, nlp }));
        var created = Store.GetLink(nlp)!.CreatedAt;
        Assert.That(Ids(new LinkListQuery { From = created, To = created.AddMilliseconds(1) }), Is.EqualTo(new[] { nlp }));
        Assert.That(Store.Listing.ListLinks(new LinkListQuery { Tags = ["reading"], Text = "two" }).Items.Single().Id, Is.EqualTo(reading.LinkId));
        Assert.That(Ids(new LinkListQuery { Tags = ["nlp", "unknown"] }), Is.Empty, "an unknown tag with 'and' matches nothing");
        Assert.That(Ids(new LinkListQuery { Tags = ["unknown", "reading"], MatchAllTags = false }), Is.EqualTo(new[] { both, reading.LinkId }));
        Assert.That(Store.Listing.ListLinks(new LinkListQuery { Status = SnapshotStatus.Failed, Tags = ["reading"] }).Total, Is.EqualTo(1));
    }

    [Test]
    public void A_cursor_that_was_not_handed_out_is_a_clear_error()
    {
        Assert.That(() => Store.Listing.ListLinks(new LinkListQuery { Cursor = "garbage!" }), Throws.ArgumentException.With.Message.Contains("cursor"));
    }
}
