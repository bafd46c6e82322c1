namespace LinkSnap.Core.Scheduling;

/// <summary>
/// When a recurring check is due next. Pure functions of (period, key, times): the caller stores only
/// the next due time, and the rule decides everything else, so the daemon, the health checks and the
/// tests share one definition.
/// <list type="bullet">
/// <item>Jitter: each key gets a fixed offset in [0, <see cref="JitterShare"/> × period) from a stable
/// hash of the key, so a thousand links watched at the same moment do not all fire at the same moment,
/// while each one still runs once per period.</item>
/// <item>Missed while down: the next due time is always computed from the time the check actually
/// ran, never by adding periods to the old due time, so a daemon back after a week runs a daily check
/// once, not seven times.</item>
/// <item>Clock jumped backwards: a due time further ahead than one period plus jitter can only come
/// from a clock that moved back; <see cref="Sanitize"/> pulls it in, so a check is never postponed by
/// the size of the jump.</item>
/// <item>Failures back off: each consecutive failure doubles the wait (up to 8 periods, never more
/// than a week unless the period itself is longer), so a site that keeps timing out is not hammered.</item>
/// </list>
/// </summary>
public static class ScheduleRule
{
    public const double JitterShare = 0.1;

    /// <summary>The longest back-off for periods shorter than it.</summary>
    public static readonly TimeSpan MaxBackOff = TimeSpan.FromDays(7);

    /// <summary>The fixed offset of <paramref name="key"/> within the period's jitter window.</summary>
    public static TimeSpan Jitter(SchedulePeriod period, string key)
    {
        var window = period.Length().Ticks * JitterShare;
        return TimeSpan.FromTicks((long)(window * (StableHash(key) / (double)uint.MaxValue)));
    }

    /// <summary>The first due time after a schedule is switched on (or changed) at <paramref name="now"/>.</summary>
    public static DateTimeOffset FirstDue(SchedulePeriod period, string key, DateTimeOffset now) =>
        now + period.Length() + Jitter(period, key);

    /// <summary>The next due time after a check that succeeded (or found nothing to do) at <paramref name="ranAt"/>.</summary>
    public static DateTimeOffset NextDue(SchedulePeriod period, string key, DateTimeOffset ranAt) =>
        ranAt + period.Length() + Jitter(period, key);

    /// <summary>The next due time after the <paramref name="consecutiveFailures"/>-th failure in a row (1 = first).</summary>
    public static DateTimeOffset NextDueAfterFailure(SchedulePeriod period, string key, DateTimeOffset failedAt, int consecutiveFailures) =>
        failedAt + BackOff(period, consecutiveFailures) + Jitter(period, key);

    public static TimeSpan BackOff(SchedulePeriod period, int consecutiveFailures)
    {
        var length = period.Length();
        var factor = 1 << Math.Clamp(consecutiveFailures - 1, 0, 3);
        var cap = length > MaxBackOff ? length : MaxBackOff;
        var wait = length * factor;
        return wait > cap ? cap : wait;
    }

    /// <summary>True when a check stored as due at <paramref name="due"/> should run at <paramref name="now"/>.</summary>
    public static bool IsDue(DateTimeOffset due, DateTimeOffset now) => due <= now;

    /// <summary>
    /// A stored due time made sane for <paramref name="now"/>: when the clock moved backwards, a due
    /// time further ahead than the rule could have set (period or current back-off, plus jitter) is
    /// pulled in to that distance from now. Due times in the past stay as they are: they run once,
    /// as soon as possible.
    /// </summary>
    public static DateTimeOffset Sanitize(SchedulePeriod period, string key, DateTimeOffset due, DateTimeOffset now, int consecutiveFailures = 0)
    {
        var furthest = now + BackOff(period, consecutiveFailures) + Jitter(period, key);
        return due > furthest ? furthest : due;
    }

    // FNV-1a: string.GetHashCode is randomized per process, and the offset must survive restarts.
    private static uint StableHash(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
    }
}
