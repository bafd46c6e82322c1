using System.Runtime;
using System.Runtime.InteropServices;

namespace LinkSnap.Jobs;

/// <summary>
/// Keeps the daemon's memory flat over any number of captures: RSS should follow the captures in
/// flight, not the heaviest pages captured so far (docs/architecture.md, "Daemon memory").
/// </summary>
internal static class CaptureMemory
{
    // M_ARENA_MAX in glibc's malloc.h.
    private const int ArenaMaxParameter = -8;

    /// <summary>
    /// Gives back the memory of a finished capture. A capture allocates tens of megabytes of
    /// short-lived large buffers (the MHTML snapshot, the screenshot and PDF as base64 text and bytes,
    /// the saved copy), which land on the large object heap; only a full collection frees that, and
    /// the GC's own budget lets it pile up first. Measured with dotnet-gcdump after 31 queued pages:
    /// 61 MB live managed heap, 330 MB RSS, and RSS still climbing with every page — a pile of dead
    /// large objects, not retained captures. One compacting full collection per finished job keeps
    /// the managed heap flat; it costs milliseconds against seconds per capture. Then the free pages
    /// glibc's malloc kept from the capture's native allocations go back to the system too.
    /// </summary>
    public static void Release()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        OnGlibc(() => MallocTrim(0));
    }

    /// <summary>
    /// Caps glibc's malloc at two arenas (MALLOC_ARENA_MAX=2, set from inside so that no launcher
    /// has to remember it). By default every thread that finds an arena locked gets one of its own,
    /// up to eight per core, and each arena keeps pages freed in it. Called first thing in `serve`:
    /// arenas made before it stay, threads made later share.
    /// </summary>
    public static void LimitMallocArenas() => OnGlibc(() => MallOpt(ArenaMaxParameter, 2));

    /// <summary>Runs a glibc malloc call; elsewhere (not Linux, or musl) nothing happens.</summary>
    private static void OnGlibc(Func<int> call)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = call();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: nothing to cap or trim.
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
