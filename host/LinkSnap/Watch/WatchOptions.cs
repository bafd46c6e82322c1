using System.ComponentModel.DataAnnotations;
using LinkSnap.Core.Watching;

namespace LinkSnap.Watch;

/// <summary>Watched links (configuration section "Watch"; env LINKSNAP_Watch__ChangedPixelShare etc.).</summary>
public sealed class WatchOptions
{
    public const string Section = "Watch";

    /// <summary>False stops the scheduler (watches stay stored, nothing is re-captured).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Share of screenshot pixels (0–1) above which a page with the same text still counts as changed.</summary>
    [Range(0.0, 1.0)]
    public double ChangedPixelShare { get; set; } = ChangeRule.DefaultChangedPixelShare;

    /// <summary>Due checks queued per wake-up; the rest follow as the queue drains (it is polite per site anyway).</summary>
    [Range(1, 10_000)]
    public int MaxQueuedPerWake { get; set; } = 200;
}
