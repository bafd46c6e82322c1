using LinkSnap.Core.Capture;
using LinkSnap.Core.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Storage;

/// <summary>
/// Issue 18 item 3: the library sorts by the page's published date (next to the saved date) and filters by
/// its author; both come from the latest capture that saved the page (migration 014).
/// </summary>
[TestFixture]
public sealed class PageFactsSortAndFilterTests
{
    [Test]
    public void Links_sort_by_the_pages_published_date_and_filter_by_its_author()
    {
        using var fixture = new StoreFixture();
        var store = fixture.Store;
        var old = fixture.Add("https://a.example/2019");
        var recent = fixture.Add("https://b.example/2024");
        var undated = fixture.Add("https://c.example/none");
        var middle = fixture.Add("https://d.example/2021");
        Complete(old.SnapshotId, "2019-03-05", "Laura E. Adkins");
        Complete(recent.SnapshotId, "2024-01-28T15:28:56+01:00", "夕小瑶");
        Complete(undated.SnapshotId, null, null);
        Complete(middle.SnapshotId, "2021-11-20", "laura adkins");

        long[] Ids(LinkListQuery query) => store.ListLinks(query).Items.Select(l => l.Id).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Ids(new LinkListQuery { Sort = LinkSort.Published, Descending = true }), Is.EqualTo(new[] { recent.LinkId, middle.LinkId, old.LinkId, undated.LinkId }), "newest first, undated last");
            Assert.That(Ids(new LinkListQuery { Sort = LinkSort.Published, Descending = false }), Is.EqualTo(new[] { undated.LinkId, old.LinkId, middle.LinkId, recent.LinkId }));
            Assert.That(Ids(new LinkListQuery { Author = "夕小瑶" }), Is.EqualTo(new[] { recent.LinkId }));
            Assert.That(Ids(new LinkListQuery { Author = "ADKINS", Sort = LinkSort.Published }), Is.EqualTo(new[] { middle.LinkId, old.LinkId }), "contained, ignoring case");
        });

        // Paging by published date walks every link once.
        var first = store.ListLinks(new LinkListQuery { Sort = LinkSort.Published, Limit = 3 });
        var second = store.ListLinks(new LinkListQuery { Sort = LinkSort.Published, Limit = 3, Cursor = first.NextCursor });
        Assert.That(first.Items.Concat(second.Items).Select(l => l.Id), Is.EqualTo(new[] { recent.LinkId, middle.LinkId, old.LinkId, undated.LinkId }));
        var listed = first.Items.First();
        Assert.That((listed.Author, listed.Published), Is.EqualTo(("夕小瑶", "2024-01-28T15:28:56+01:00")), "the card reads both from the listing");

        // A failed recapture keeps the facts of the copy that saved the page; a new saved copy replaces them.
        var failed = store.AddCapture(new Uri("https://a.example/2019"), [], null, CaptureMode.Fresh);
        store.CompleteSnapshot(failed.SnapshotId, new SnapshotCompletion { Status = SnapshotStatus.Failed, Reason = "HTTP 500", Metadata = new PageMetadata() });
        Assert.That(Ids(new LinkListQuery { Author = "Laura E." }), Is.EqualTo(new[] { old.LinkId }));
        var again = store.AddCapture(new Uri("https://a.example/2019"), [], null, CaptureMode.Fresh);
        Complete(again.SnapshotId, "2019-03-06", "Travis Haney");
        Assert.That(Ids(new LinkListQuery { Author = "Laura E." }), Is.Empty);
        Assert.That(store.ListLinks(new LinkListQuery { Author = "Travis" }).Items.Single().Published, Is.EqualTo("2019-03-06"));

        void Complete(long snapshotId, string? published, string? author) => store.CompleteSnapshot(snapshotId, new SnapshotCompletion
        {
            Status = SnapshotStatus.Done,
            Metadata = new PageMetadata { Title = "t", PublishedTime = published, Byline = author },
        });
    }
}
