using System.Runtime;
using System.Runtime.InteropServices;

namespace LinkSnap.Jobs;

/// <summary>
/// Gives back the memory of finished captures. A capture allocates tens of megabytes of short-lived
/// large buffers (the MHTML snapshot, the screenshot and PDF as base64 text and bytes, the saved copy),
/// which land on the large object heap; only a full collection frees that, and the GC's own budget lets
/// it pile up first. One compacting full collection, then glibc's malloc_trim, gives it back
/// (docs/decisions/023-a-captures-memory-is-given-back-when-it-ends.md).
/// The collection runs when a job ends and at least <see cref="Threshold"/> bytes were allocated since the
/// last one, not after every job: it stops every thread of the daemon, and an import's small pages,
/// captured back to back, made several a second, each one a pause of the library's requests
/// (docs/decisions/087-a-full-collection-once-enough-was-allocated.md). A heavy page still gets its own.
/// </summary>
internal sealed class CaptureMemory
{
    /// <summary>The default <see cref="Threshold"/>: about one heavy page's buffers.</summary>
    public const long DefaultThreshold = 32L * 1024 * 1024;

    /// <summary>The daemon's one instance: the process's allocation counter and the real collection.</summary>
    public static CaptureMemory Shared { get; } = new(DefaultThreshold, () => GC.GetTotalAllocatedBytes(precise: false), CollectAndTrim);

    private readonly Func<long> _allocatedBytes;
    private readonly Action _collect;
    private readonly Lock _lock = new();

    // From the process's start: the first job collects once start-up and the work so far reached the threshold.
    private long _allocatedAtLastCollection;

    /// <param name="threshold">Bytes allocated since the last collection that make the next finished job collect.</param>
    /// <param name="allocatedBytes">The bytes allocated so far (a counter that only grows).</param>
    /// <param name="collect">The collection and trim.</param>
    public CaptureMemory(long threshold, Func<long> allocatedBytes, Action collect)
    {
        Threshold = threshold;
        _allocatedBytes = allocatedBytes;
        _collect = collect;
    }

    public long Threshold { get; }

    /// <summary>Called when a job ends: collects when enough was allocated since the last collection. True when it collected.</summary>
    public bool Release()
    {
        lock (_lock)
        {
            if (_allocatedBytes() - _allocatedAtLastCollection < Threshold)
            {
                return false;
            }

            _collect();
            _allocatedAtLastCollection = _allocatedBytes();
            return true;
        }
    }

    internal static void CollectAndTrim()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        TrimMalloc();
    }

    /// <summary>glibc's malloc_trim(0); elsewhere (not Linux, or musl) nothing happens.</summary>
    private static void TrimMalloc()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: nothing to trim.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
