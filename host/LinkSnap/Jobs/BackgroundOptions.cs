using System.ComponentModel.DataAnnotations;

namespace LinkSnap.Jobs;

/// <summary>
/// Options of background work: imported links to archive and other captures nobody is waiting for
/// (configuration section "Background"; env LINKSNAP_Background__HostGap etc.).
/// </summary>
public sealed class BackgroundOptions
{
    public const string Section = "Background";

    /// <summary>
    /// Background captures running at once. Never more than Daemon:Concurrency - 1 (when that is above 1),
    /// so a capture the user asks for always finds a free slot.
    /// </summary>
    [Range(1, 16)]
    public int Concurrency { get; set; } = 1;

    /// <summary>Pause after a background capture before the next one on the same site (one per site at a time anyway).</summary>
    public TimeSpan HostGap { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times a failed background capture is queued again before it stays failed.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Wait before the first retry; each further retry waits twice as long.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Background captures that may run next to <paramref name="daemonConcurrency"/> slots in all.</summary>
    public int SlotsWithin(int daemonConcurrency) => daemonConcurrency <= 1 ? 1 : Math.Min(Concurrency, daemonConcurrency - 1);

    public TimeSpan RetryDelayFor(int retries) => RetryDelay * Math.Pow(2, Math.Min(retries, 16));
}
