using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Tests.Storage;
using LinkSnap.Core.Watching;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Watching;

/// <summary>A watched tag stays watched when it is renamed or merged, and its watch ends when it is deleted.</summary>
public sealed class TagWatchFollowsTagTests
{
    [Test]
    public void Rename_and_merge_carry_the_tag_watch_over_and_delete_removes_it()
    {
        using var fixture = new StoreFixture();
        var watches = new WatchStore(fixture.Database, fixture.Clock);
        var a = fixture.Add("https://example.org/a", "news").LinkId;
        var b = fixture.Add("https://example.org/b", "news").LinkId;
        var c = fixture.Add("https://example.org/c", "press").LinkId;
        watches.SetTagWatch("news", SchedulePeriod.Daily);
        watches.SetTagWatch("press", SchedulePeriod.Hourly);
        var dueBefore = watches.GetWatch(a)!.NextDueAt;

        fixture.Store.Tags.RenameTag("news", "Journal");
        watches.SyncTagWatches(); // what the scheduler does at its next wake: nothing may be dropped
        Assert.That(watches.ListTagWatches(), Is.EqualTo(new[] { ("Journal", SchedulePeriod.Daily), ("press", SchedulePeriod.Hourly) }));
        Assert.That(new[] { a, b }.Select(id => (watches.GetWatch(id)!.Source, watches.GetWatch(id)!.Period)), Is.All.EqualTo(("journal", SchedulePeriod.Daily)));
        Assert.That(watches.GetWatch(a)!.NextDueAt, Is.EqualTo(dueBefore), "a rename does not move the schedule");

        fixture.Store.Tags.MergeTags(["press"], "journal");
        watches.SyncTagWatches();
        Assert.That(watches.ListTagWatches(), Is.EqualTo(new[] { ("Journal", SchedulePeriod.Hourly) }), "the most frequent of the merged watches");
        Assert.That(new[] { a, b, c }.Select(id => (watches.GetWatch(id)!.Source, watches.GetWatch(id)!.Period)), Is.All.EqualTo(("journal", SchedulePeriod.Hourly)));

        fixture.Store.Tags.DeleteTag("journal", force: true);
        watches.SyncTagWatches();
        Assert.That(watches.ListTagWatches(), Is.Empty);
        Assert.That(new[] { a, b, c }.Select(watches.GetWatch), Is.All.Null);
    }

    [Test]
    public void A_link_watched_on_its_own_keeps_its_watch_through_a_tag_rename()
    {
        using var fixture = new StoreFixture();
        var watches = new WatchStore(fixture.Database, fixture.Clock);
        var own = fixture.Add("https://example.org/own", "news").LinkId;
        watches.SetLinkWatch(own, SchedulePeriod.Weekly);
        watches.SetTagWatch("news", SchedulePeriod.Daily);

        fixture.Store.Tags.RenameTag("news", "journal");
        fixture.Store.Tags.DeleteTag("journal", force: true);

        Assert.That((watches.GetWatch(own)!.Source, watches.GetWatch(own)!.Period), Is.EqualTo((WatchStore.LinkSource, SchedulePeriod.Weekly)));
    }
}
