using LinkSnap.Core.Capture;
using LinkSnap.Core.Capture.Quality;
using LinkSnap.Core.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Storage;

/// <summary>The library's "needs attention" filter: links whose latest capture the quality guard flagged (decision 053).</summary>
[TestFixture]
public sealed class AttentionFilterTests
{
    [Test]
    public void Only_links_whose_latest_capture_is_flagged_need_attention()
    {
        using var fixture = new StoreFixture();
        var store = fixture.Store;
        var flagged = fixture.Add("https://a.example/wall");
        var fine = fixture.Add("https://b.example/article");
        var fixedLater = fixture.Add("https://c.example/fold");
        Complete(flagged.SnapshotId, new QualityFlag(QualityKinds.Consent, "A consent layer covers 100% of the first screen.", QualityKinds.SaveAsSeen));
        Complete(fine.SnapshotId);
        Complete(fixedLater.SnapshotId, new QualityFlag(QualityKinds.Truncated, "A fold hides 60%.", QualityKinds.SaveAsSeen));

        // A recapture without flags (e.g. saved as seen) clears the mark: only the latest capture counts.
        var again = store.AddCapture(new Uri("https://c.example/fold"), [], null, CaptureMode.AsSeen);
        Complete(again.SnapshotId);

        var ids = store.Listing.ListLinks(new LinkListQuery { NeedsAttention = true }).Items.Select(l => l.Id).ToArray();
        Assert.That(ids, Is.EqualTo(new[] { flagged.LinkId }));
        var listed = store.Listing.ListLinks(new LinkListQuery { NeedsAttention = true }).Items.Single();
        Assert.That(listed.Latest!.Metadata!.Quality!.Flags.Single().Kind, Is.EqualTo("consent"), "the card reads its mark from the listing");

        void Complete(long snapshotId, params QualityFlag[] flags) => store.Jobs.CompleteSnapshot(snapshotId, new SnapshotCompletion
        {
            Status = SnapshotStatus.Done,
            Metadata = new PageMetadata { Title = "t", Quality = new CaptureQuality { Flags = flags } },
        });
    }
}
