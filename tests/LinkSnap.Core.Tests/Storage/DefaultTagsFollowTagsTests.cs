using LinkSnap.Core.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Storage;

/// <summary>The default tags (issue 17 item 5) follow the library's tag renames (with their subtree) and merges.</summary>
public sealed class DefaultTagsFollowTagsTests
{
    [Test]
    public void Rename_of_a_parent_merge_and_case_change_rename_the_defaults_in_place()
    {
        using var fixture = new StoreFixture();
        fixture.Add("https://example.org/a", "nlp/interpretability");
        fixture.Add("https://example.org/b", "inbox");
        fixture.Add("https://example.org/c", "later");
        var defaults = fixture.Store.DefaultTags;
        // "nlp/unused" is on no link: it follows the subtree rename all the same.
        Assert.That(defaults.Set(["inbox", "nlp/interpretability", "nlp/unused", "later", "Inbox"]), Is.EqualTo(new[] { "inbox", "nlp/interpretability", "nlp/unused", "later" }));

        fixture.Store.Tags.RenameTag("nlp", "ml/nlp");
        Assert.That(defaults.Get(), Is.EqualTo(new[] { "inbox", "ml/nlp/interpretability", "ml/nlp/unused", "later" }));

        fixture.Store.Tags.MergeTags(["later"], "inbox");
        Assert.That(defaults.Get(), Is.EqualTo(new[] { "inbox", "ml/nlp/interpretability", "ml/nlp/unused" }), "merged into a default already there: once, where the first stood");

        fixture.Store.Tags.RenameTag("inbox", "Inbox");
        Assert.That(defaults.Get(), Is.EqualTo(new[] { "Inbox", "ml/nlp/interpretability", "ml/nlp/unused" }));

        Assert.That(() => defaults.Set(["bad\u0007tag"]), Throws.InstanceOf<ArgumentException>());
        Assert.That(defaults.Set([]), Is.Empty);
    }

    [Test]
    public void A_deleted_tag_leaves_the_defaults_with_the_delete_and_its_children_stay()
    {
        using var fixture = new StoreFixture();
        fixture.Add("https://example.org/a", "nlp", "nlp/parsing", "inbox");
        var defaults = fixture.Store.DefaultTags;
        defaults.Set(["inbox", "NLP", "nlp/parsing"]);

        Assert.That(() => fixture.Store.Tags.DeleteTag("nlp", force: false), Throws.InstanceOf<TagInUseException>());
        Assert.That(defaults.Get(), Is.EqualTo(new[] { "inbox", "NLP", "nlp/parsing" }), "a refused delete changes nothing");

        Assert.That(fixture.Store.Tags.DeleteTag("nlp", force: true), Is.True);
        Assert.That(defaults.Get(), Is.EqualTo(new[] { "inbox", "nlp/parsing" }));
        Assert.That(fixture.Store.Tags.ListTags().Select(t => t.Name), Does.Not.Contain("nlp"));
    }
}
