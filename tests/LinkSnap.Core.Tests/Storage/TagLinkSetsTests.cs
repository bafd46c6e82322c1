using LinkSnap.Core.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Storage;

/// <summary>
/// Tag filters answer from link ids kept in memory between listings; every change to a link's tags —
/// through this store, another store on the same database, or a cascade — must show in the next listing.
/// </summary>
public sealed class TagLinkSetsTests
{
    private static List<long> Ids(LinkStore store, params string[] tags) =>
        store.Listing.ListLinks(new LinkListQuery { Tags = tags, Limit = 500 }).Items.Select(l => l.Id).Order().ToList();

    [Test]
    public void A_tag_listing_follows_every_change_to_the_links_tags()
    {
        using var fixture = new StoreFixture();
        var store = fixture.Store;
        var a = fixture.Add("https://a.example/", "reading", "ml").LinkId;
        var b = fixture.Add("https://b.example/", "reading/later").LinkId;
        var c = fixture.Add("https://c.example/", "ml").LinkId;
        Assert.That(Ids(store, "reading"), Is.EqualTo(new[] { a, b }));
        Assert.That(Ids(store, "reading", "ml"), Is.EqualTo(new[] { a }));

        store.Tags.AddTags(c, ["reading"]);
        Assert.That(Ids(store, "reading", "ml"), Is.EqualTo(new[] { a, c }), "tag added");

        store.Tags.RemoveTag(a, "ml");
        Assert.That(Ids(store, "reading", "ml"), Is.EqualTo(new[] { c }), "tag removed");

        // Another store on the same database (another process, in effect) edits and deletes.
        var other = new LinkStore(fixture.Database, fixture.Clock);
        other.UpdateLink(b, null, null, ["ml", "reading"]);
        Assert.That(Ids(store, "reading", "ml"), Is.EqualTo(new[] { b, c }), "tags replaced by another store");

        other.DeleteLink(c);
        Assert.That(Ids(store, "reading", "ml"), Is.EqualTo(new[] { b }), "link deleted: its link_tags rows go by cascade");
        Assert.That(store.Listing.ListLinks(new LinkListQuery { Tags = ["reading", "ml"] }).Total, Is.EqualTo(1));

        other.Tags.RenameTag("ml", "machine-learning");
        Assert.That(Ids(store, "reading", "machine-learning"), Is.EqualTo(new[] { b }), "tag renamed");
        Assert.That(store.Listing.ListLinks(new LinkListQuery { Tags = ["ml"] }).Items, Is.Empty);
    }
}
