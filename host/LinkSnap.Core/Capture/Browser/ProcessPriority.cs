using System.Globalization;
using System.Runtime.InteropServices;

namespace LinkSnap.Core.Capture.Browser;

/// <summary>
/// Starts the Playwright driver, and through it Chromium, below the daemon's CPU priority on Linux
/// (decision 081): captures share the cores with the daemon, and a page's scripts and rendering must
/// not slow the library the person is using. A nice value and the capability bounding set are per
/// thread on Linux and are inherited at fork, exec and thread creation, so the driver is started from
/// a throwaway thread that first lowers its own priority; every process and thread the browser starts
/// later inherits it. As root the thread also drops CAP_SYS_NICE from its bounding set, or Chromium
/// would set some of its threads back to nice 0 and -8 (measured: compositor, IO and GPU threads).
/// </summary>
internal static class ProcessPriority
{
    /// <summary>The highest nice value Linux allows (the lowest priority).</summary>
    public const int Lowest = 19;

    private const int PrioProcess = 0;
    private const int PrCapbsetDrop = 24;
    private const int CapSysNice = 23;

    /// <summary>This process's nice value (its main thread's, /proc/self/stat field 19).</summary>
    public static int Own()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Runs <paramref name="start"/> (which must start its child process before its first await) on a
    /// new thread at nice <paramref name="nice"/>, without CAP_SYS_NICE. Returns whether the nice value took.
    /// </summary>
    public static async Task<(T Result, bool Lowered)> StartAtAsync<T>(int nice, Func<Task<T>> start)
    {
        var started = new TaskCompletionSource<(Task<T>, bool)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var lowered = setpriority(PrioProcess, 0, nice) == 0; // 0: the calling thread
                _ = prctl(PrCapbsetDrop, CapSysNice, 0, 0, 0); // refused without CAP_SETPCAP (not root): nothing to drop then
                started.SetResult((start(), lowered));
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "LinkSnap browser start",
        };
        thread.Start();
        var (task, lowered) = await started.Task;
        return (await task, lowered);
    }

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int setpriority(int which, int who, int prio);

    [DllImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static extern int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);
}
