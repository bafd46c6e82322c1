using LinkSnap.Jobs;
using NUnit.Framework;

namespace LinkSnap.Tests.Jobs;

/// <summary>
/// When a finished job gives memory back (decision 087): a full collection once enough was allocated since
/// the last one, not after every job. The allocation counter is scripted; the last test runs the real collection.
/// </summary>
public sealed class CaptureMemoryTests
{
    private const long MiB = 1024 * 1024;

    [Test]
    public void Light_jobs_share_one_collection_once_their_allocations_reach_the_threshold()
    {
        long allocated = 0;
        var collections = 0;
        var memory = new CaptureMemory(32 * MiB, () => allocated, () => collections++);

        var collected = new List<bool>();
        for (var job = 0; job < 10; job++)
        {
            allocated += 5 * MiB; // a small text page's capture
            collected.Add(memory.Release());
        }

        // 5 MiB per job: the 7th job brings it to 35 MiB; then the count starts again from that collection.
        Assert.That(collected, Is.EqualTo(new[] { false, false, false, false, false, false, true, false, false, false }));
        Assert.That(collections, Is.EqualTo(1));
    }

    [Test]
    public void A_heavy_job_gets_its_own_collection()
    {
        long allocated = 0;
        var collections = 0;
        var memory = new CaptureMemory(32 * MiB, () => allocated, () => collections++);

        for (var job = 0; job < 3; job++)
        {
            allocated += 40 * MiB; // MHTML, screenshot and PDF of a large page
            Assert.That(memory.Release(), Is.True, $"job {job}");
        }

        Assert.That(collections, Is.EqualTo(3));
    }

    [Test]
    public void The_count_restarts_from_what_the_collection_itself_left_allocated()
    {
        long allocated = 0;
        var memory = new CaptureMemory(32 * MiB, () => allocated, () => allocated += 2 * MiB);

        allocated += 32 * MiB;
        Assert.That(memory.Release(), Is.True);
        allocated += 31 * MiB;
        Assert.That(memory.Release(), Is.False, "31 MiB since the collection ended");
        allocated += 1 * MiB;
        Assert.That(memory.Release(), Is.True);
    }

    [Test]
    public void The_daemons_instance_runs_a_full_collection_once_past_its_threshold()
    {
        var memory = new CaptureMemory(MiB, () => GC.GetTotalAllocatedBytes(precise: true), CaptureMemory.CollectAndTrim);
        var garbage = new List<byte[]>();
        for (var i = 0; i < 4; i++)
        {
            garbage.Add(new byte[MiB]);
        }

        garbage.Clear();
        var fullCollections = GC.CollectionCount(GC.MaxGeneration);

        Assert.That(memory.Release(), Is.True);
        Assert.That(GC.CollectionCount(GC.MaxGeneration), Is.GreaterThan(fullCollections));
    }
}
