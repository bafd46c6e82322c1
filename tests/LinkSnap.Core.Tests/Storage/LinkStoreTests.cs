using LinkSnap.Core.Capture;
using LinkSnap.Core.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Storage;

public sealed class LinkStoreTests : StoreTestBase
{
    [Test]
    public void A_capture_creates_the_link_and_a_queued_snapshot()
    {
        var ticket = Store.AddCapture(new Uri("https://Example.org/a?utm_source=x#top"), ["reading"], "a note", CaptureMode.Fresh);

        var link = Store.GetLink(ticket.LinkId)!;
        Assert.That(ticket.LinkCreated, Is.True);
        Assert.That(link.Url, Is.EqualTo("https://Example.org/a?utm_source=x#top"));
        Assert.That(link.NormalizedUrl, Is.EqualTo("https://example.org/a"));
        Assert.That(link.Site, Is.EqualTo("example.org"));
        Assert.That(link.Note, Is.EqualTo("a note"));
        Assert.That(link.Tags, Is.EqualTo(new[] { "reading" }));
        Assert.That(link.SnapshotCount, Is.EqualTo(1));
        Assert.That(link.Latest!.Id, Is.EqualTo(ticket.SnapshotId));
        Assert.That(link.Latest.Status, Is.EqualTo(SnapshotStatus.Queued));
    }

    [Test]
    public void Recapture_adds_a_version_and_keeps_the_old_one()
    {
        var first = Fixture.Add("https://example.org/a");
        Fixture.Complete(first.SnapshotId, "Version one", "first text");
        var second = Fixture.Add("https://example.org/a#again", "later");
        var third = Store.Snapshots.AddSnapshot(first.LinkId, CaptureMode.Fresh)!.Value;

        Assert.That(second.LinkId, Is.EqualTo(first.LinkId));
        Assert.That(second.LinkCreated, Is.False);
        var snapshots = Store.Snapshots.ListSnapshots(first.LinkId);
        Assert.That(snapshots.Select(s => s.Id), Is.EqualTo(new[] { third, second.SnapshotId, first.SnapshotId }));
        Assert.That(snapshots[2].Status, Is.EqualTo(SnapshotStatus.Done));
        Assert.That(snapshots[2].Title, Is.EqualTo("Version one"));
        var link = Store.GetLink(first.LinkId)!;
        Assert.That(link.SnapshotCount, Is.EqualTo(3));
        Assert.That(link.Latest!.Id, Is.EqualTo(third));
        Assert.That(link.Tags, Is.EqualTo(new[] { "later" }));
    }

    [Test]
    public void Tags_are_unique_ignoring_case_and_unicode_form_and_keep_the_first_spelling()
    {
        var decomposed = "Cafe\u0301"; // "Café" as e + combining accent
        var ticket = Fixture.Add("https://example.org/a", "Café", decomposed, "CAFÉ", "  ML  ");
        var other = Fixture.Add("https://example.org/b", "ml", "café");

        Assert.That(Store.GetLink(ticket.LinkId)!.Tags, Is.EqualTo(new[] { "Café", "ML" }));
        Assert.That(Store.GetLink(other.LinkId)!.Tags, Is.EqualTo(new[] { "Café", "ML" }));
        Assert.That(Store.Tags.ListTags(), Is.EqualTo(new[] { new TagCount("Café", 2), new TagCount("ML", 2) }));
    }

    [TestCase("", "cannot be empty")]
    [TestCase("a\tb", "control characters")]
    [TestCase("nlp//x", "empty level")]
    [TestCase("/x", "empty level")]
    public void Bad_tags_are_refused_before_anything_is_stored(string tag, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Fixture.Add("https://example.org/a", tag))!;
        Assert.That(error.Message, Does.Contain(message));
        Assert.That(Store.Listing.ListLinks(new LinkListQuery()).Total, Is.Zero);
    }

    [Test]
    public void A_tag_over_100_characters_is_refused()
    {
        Assert.That(() => Fixture.Add("https://example.org/a", new string('x', 101)), Throws.ArgumentException.With.Message.Contains("limit is 100"));
        Assert.That(() => Fixture.Add("https://example.org/a", new string('x', 100)), Throws.Nothing);
    }

    [Test]
    public void Edit_replaces_tags_sets_a_custom_title_that_captures_do_not_override()
    {
        var ticket = Fixture.Add("https://example.org/a", "one", "two");
        var edited = Store.UpdateLink(ticket.LinkId, "My title", "my note", ["three"])!;
        Fixture.Complete(ticket.SnapshotId, "Page title", "text");

        Assert.That(edited.Tags, Is.EqualTo(new[] { "three" }));
        var link = Store.GetLink(ticket.LinkId)!;
        Assert.That(link.Title, Is.EqualTo("My title"));
        Assert.That(link.Note, Is.EqualTo("my note"));
        Assert.That(Store.Tags.ListTags().Select(t => t.Name), Is.EqualTo(new[] { "three" }), "unused tags disappear");
        Assert.That(Store.UpdateLink(999, "x", null, null), Is.Null);
    }

    [Test]
    public void A_capture_title_names_the_link_until_a_person_renames_it()
    {
        var ticket = Fixture.Add("https://example.org/a");
        Fixture.Complete(ticket.SnapshotId, "Page title", "text");
        Assert.That(Store.GetLink(ticket.LinkId)!.Title, Is.EqualTo("Page title"));
    }

    [Test]
    public void An_error_page_does_not_name_the_link_and_long_titles_are_cut_at_500()
    {
        var ticket = Fixture.Add("https://example.org/a");
        Fixture.Complete(ticket.SnapshotId, "Harbour pilots", "text");
        var again = Store.AddCapture(new Uri("https://example.org/a"), [], null, CaptureMode.Fresh);
        Store.Jobs.CompleteSnapshot(again.SnapshotId, new SnapshotCompletion
        {
            Status = SnapshotStatus.Partial, Reason = "HTTP 404 Not Found",
            Metadata = new PageMetadata { Title = "Error response", HttpStatus = 404, IsChallengeOrError = true },
        });
        Assert.That(Store.GetLink(ticket.LinkId)!.Title, Is.EqualTo("Harbour pilots"));

        var long_ = Store.AddCapture(new Uri("https://example.org/long"), [], null, CaptureMode.Fresh);
        Fixture.Complete(long_.SnapshotId, new string('长', 150_000), "text");
        var title = Store.GetLink(long_.LinkId)!.Title;
        Assert.That((title.Length, title[^1]), Is.EqualTo((LinkTitle.MaxLength, '…')));
        Assert.Throws<ArgumentException>(() => Store.UpdateLink(long_.LinkId, new string('x', 501), null, null));
    }

    [Test]
    public void Add_and_remove_tags_and_rename_merge_delete()
    {
        var a = Fixture.Add("https://example.org/a", "nlp");
        var b = Fixture.Add("https://example.org/b", "NLP-old", "ml");
        Assert.That(Store.Tags.AddTags(a.LinkId, ["ml", "x"]), Is.True);
        Assert.That(Store.Tags.RemoveTag(a.LinkId, "X"), Is.True);
        Assert.That(Store.GetLink(a.LinkId)!.Tags, Is.EqualTo(new[] { "ml", "nlp" }));

        Assert.That(Store.Tags.RenameTag("nlp-old", "language"), Is.EqualTo(1));
        Assert.That(Store.GetLink(b.LinkId)!.Tags, Is.EqualTo(new[] { "language", "ml" }));
        Assert.That(Store.Tags.RenameTag("ml", "ML"), Is.EqualTo(2), "a case-only rename keeps the tag");
        Assert.That(Store.Tags.ListTags().Single(t => t.Name == "ML").Count, Is.EqualTo(2));

        Assert.That(Store.Tags.MergeTags(["nlp", "language"], "NLP"), Is.EqualTo(2));
        Assert.That(Store.Tags.ListTags(), Is.EqualTo(new[] { new TagCount("ML", 2), new TagCount("NLP", 2) }));

        Assert.Throws<TagInUseException>(() => Store.Tags.DeleteTag("nlp", force: false));
        Assert.That(Store.Tags.DeleteTag("nlp", force: true), Is.True);
        Assert.That(Store.GetLink(a.LinkId)!.Tags, Is.EqualTo(new[] { "ML" }));
        Assert.That(Store.Tags.DeleteTag("unknown", force: true), Is.False);
        Assert.That(Store.Tags.RenameTag("unknown", "x"), Is.EqualTo(-1));
    }

    [Test]
    public void Renaming_a_parent_moves_its_whole_subtree_and_merges_onto_existing_names()
    {
        var a = Fixture.Add("https://example.org/a", "nlp", "nlp/interpretability");
        var b = Fixture.Add("https://example.org/b", "nlp/interpretability/probing", "ml/nlp/interpretability");
        var c = Fixture.Add("https://example.org/c", "nlp-other");

        Assert.That(Store.Tags.RenameTag("nlp", "ml/nlp"), Is.EqualTo(2), "links a and b");
        Assert.That(Store.GetLink(a.LinkId)!.Tags, Is.EqualTo(new[] { "ml/nlp", "ml/nlp/interpretability" }));
        Assert.That(Store.GetLink(b.LinkId)!.Tags, Is.EqualTo(new[] { "ml/nlp/interpretability", "ml/nlp/interpretability/probing" }), "merged onto the name that existed");
        Assert.That(Store.GetLink(c.LinkId)!.Tags, Is.EqualTo(new[] { "nlp-other" }), "a sibling sharing the prefix without '/' stays");

        Assert.That(Store.Tags.RenameTag("ml", "learning"), Is.EqualTo(2), "a folder that is not itself a tag moves too");
        Assert.That(Store.Tags.ListTags().Select(t => t.Name), Is.EqualTo(new[] { "learning/nlp", "learning/nlp/interpretability", "learning/nlp/interpretability/probing", "nlp-other" }));
        Assert.Throws<ArgumentException>(() => Store.Tags.RenameTag("learning", "learning/deep"), "not under itself");
    }

    [Test]
    public void Deleting_a_link_removes_its_snapshots_and_returns_their_files()
    {
        var ticket = Fixture.Add("https://example.org/a", "t");
        Store.Jobs.CompleteSnapshot(ticket.SnapshotId, new SnapshotCompletion { Status = SnapshotStatus.Done, Folder = "snapshots/2026/01/1" });

        var files = Store.DeleteLink(ticket.LinkId);
        Assert.That(files, Is.EqualTo(new[] { "snapshots/2026/01/1" }));
        Assert.That(Store.GetLink(ticket.LinkId), Is.Null);
        Assert.That(Store.Snapshots.GetSnapshot(ticket.SnapshotId), Is.Null);
        Assert.That(Store.Tags.ListTags(), Is.Empty);
        Assert.That(Store.DeleteLink(ticket.LinkId), Is.Null);
    }

    [Test]
    public void Deleting_the_latest_snapshot_makes_the_previous_one_latest()
    {
        var first = Fixture.Add("https://example.org/a");
        var second = Fixture.Add("https://example.org/a");
        Assert.That(Store.Snapshots.DeleteSnapshot(second.SnapshotId), Is.Empty);
        Assert.That(Store.GetLink(first.LinkId)!.Latest!.Id, Is.EqualTo(first.SnapshotId));
        Assert.That(Store.Snapshots.DeleteSnapshot(second.SnapshotId), Is.Null);
    }
}
