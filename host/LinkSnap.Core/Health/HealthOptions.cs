using System.ComponentModel.DataAnnotations;
using LinkSnap.Core.Scheduling;

namespace LinkSnap.Core.Health;

/// <summary>
/// Settings of link health checks, bound from the configuration section "Health" (see
/// docs/configuration.md). Health requests obey the capture's address rule (Capture:AllowPrivateTargets,
/// Capture:AllowedPrivateHosts).
/// </summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>Off switch of the scheduled checks; on-demand checks (CLI, library) always work.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each link is checked: hourly, daily, weekly or monthly.</summary>
    public string Every { get; set; } = "weekly";

    /// <summary>Links checked at once (each host still gets one request at a time).</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Each request of a check (connect, HEAD, the small GET) must answer within this.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The small GET reads at most this much of a page (enough for its title and first text).</summary>
    [Range(4, 4096)]
    public int MaxBodyKilobytes { get; set; } = 64;

    /// <summary>Connection, TLS, timeout and 5xx failures in a row before a link counts as gone...</summary>
    [Range(1, 100)]
    public int FailuresBeforeGone { get; set; } = 3;

    /// <summary>...and the first of them at least this long ago, so pressing "check" three times is not enough.</summary>
    public TimeSpan FailureSpan { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A host rests this long between two health requests.</summary>
    public TimeSpan HostGap { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary><see cref="Every"/> as a period; "off" is the same as Enabled = false.</summary>
    public SchedulePeriod Period => SchedulePeriods.Parse(Every);

    internal int MaxBodyBytes => MaxBodyKilobytes * 1024;
}
