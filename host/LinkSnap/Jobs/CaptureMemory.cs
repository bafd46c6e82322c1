using System.Runtime;
using System.Runtime.InteropServices;

namespace LinkSnap.Jobs;

/// <summary>
/// Gives back the memory of a finished capture. A capture allocates tens of megabytes of
/// short-lived large buffers (the MHTML snapshot, the screenshot and PDF as base64 text and bytes,
/// the saved copy), which land on the large object heap; only a full collection frees that, and
/// the GC's own budget lets it pile up first. Measured with dotnet-gcdump after 31 queued pages:
/// 61 MB live managed heap, 330 MB RSS, and RSS still climbing with every page — a pile of dead
/// large objects, not retained captures. One compacting full collection per finished job keeps
/// the managed heap flat; it costs milliseconds against seconds per capture. Then the free pages
/// glibc's malloc kept from the capture's native allocations go back to the system too
/// (docs/decisions/023-a-captures-memory-is-given-back-when-it-ends.md).
/// </summary>
internal static class CaptureMemory
{
    public static void Release()
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
