namespace LinkSnap.Core.Scheduling;

/// <summary>
/// When a recurring check is due next. Pure functions of (period, key, times): the caller stores only
/// the next due time (and a failure count), and the rule decides everything else, so the watches, the
/// health checks and the tests share one definition.
/// <list type="bullet">
/// <item>Spread: each key has its own slots, one per period, at a fixed phase taken from a stable hash
/// of the key (<see cref="Phase"/>). A thousand links watched daily at the same moment are checked at
/// a thousand different times of the day, and each keeps its time of day for ever (no drift).</item>
/// <item>Missed while down: the next due time is computed from when a check actually ran — the first
/// slot more than half a period later — never by adding periods to the old due time, so a daemon back
/// after a week runs a daily check once, not seven times, and then returns to its slot.</item>
/// <item>Failures back off: after the n-th failure in a row the next slot is at least
/// <see cref="BackOff"/> away (period × 2^(n-1), up to 8 periods, never more than a week unless the
/// period itself is longer), so a site that keeps timing out is not hammered.</item>
/// <item>Clock moved backwards: a due time further ahead than the rule could have set can only come
/// from a clock that moved back; <see cref="Sanitize"/> pulls it in, so a check is never postponed by
/// the size of the jump.</item>
/// </list>
/// </summary>
public static class ScheduleRule
{
    /// <summary>
    /// How far past one period a due time set by <see cref="NextDue"/> or <see cref="FirstDue"/> can be:
    /// at most (1 + JitterShare) × period after the run. Anything further ahead (without failures) comes
    /// from a clock moved backwards.
    /// </summary>
    public const double JitterShare = 0.5;

    /// <summary>The longest back-off for periods shorter than it.</summary>
    public static readonly TimeSpan MaxBackOff = TimeSpan.FromDays(7);

    // Slots are counted from here; any fixed instant works, it only has to survive restarts.
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Where in each period the slots of <paramref name="key"/> fall: a fixed offset in [0, period).</summary>
    public static TimeSpan Phase(SchedulePeriod period, string key) =>
        TimeSpan.FromTicks((long)(period.Length().Ticks * (StableHash(key) / ((double)uint.MaxValue + 1))));

    /// <summary>The first slot of <paramref name="key"/> strictly after <paramref name="time"/>.</summary>
    public static DateTimeOffset SlotAfter(SchedulePeriod period, string key, DateTimeOffset time)
    {
        var length = period.Length().Ticks;
        var first = Epoch.Ticks + Phase(period, key).Ticks;
        var since = time.UtcTicks - first;
        var whole = since / length;
        if (since < 0 && since % length != 0)
        {
            whole--; // floor, not truncation, before the epoch's first slot
        }

        return new DateTimeOffset(first + ((whole + 1) * length), TimeSpan.Zero);
    }

    /// <summary>The first due time after a schedule is switched on (or changed) at <paramref name="now"/>: the key's next slot.</summary>
    public static DateTimeOffset FirstDue(SchedulePeriod period, string key, DateTimeOffset now) => SlotAfter(period, key, now);

    /// <summary>The next due time after a check that succeeded (or found nothing to do) at <paramref name="ranAt"/>.</summary>
    public static DateTimeOffset NextDue(SchedulePeriod period, string key, DateTimeOffset ranAt) =>
        SlotAfter(period, key, ranAt + (period.Length() / 2));

    /// <summary>The next due time after the <paramref name="consecutiveFailures"/>-th failure in a row (1 = first).</summary>
    public static DateTimeOffset NextDueAfterFailure(SchedulePeriod period, string key, DateTimeOffset failedAt, int consecutiveFailures) =>
        SlotAfter(period, key, failedAt + BackOff(period, consecutiveFailures) - (period.Length() / 2));

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
    /// time further ahead than the rule could have set (current back-off plus half a period) is
    /// replaced by the one the rule sets now. Due times in the past stay as they are: they run once,
    /// as soon as possible.
    /// </summary>
    public static DateTimeOffset Sanitize(SchedulePeriod period, string key, DateTimeOffset due, DateTimeOffset now, int consecutiveFailures = 0)
    {
        var furthest = now + BackOff(period, consecutiveFailures) + (period.Length() * JitterShare);
        if (due <= furthest)
        {
            return due;
        }

        return consecutiveFailures > 0 ? NextDueAfterFailure(period, key, now, consecutiveFailures) : NextDue(period, key, now);
    }

    // FNV-1a plus a finalizer: string.GetHashCode is randomized per process, and the offset must survive restarts.
    private static uint StableHash(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        // murmur3's finalizer: FNV alone leaves keys that differ in their last digit close together.
        hash ^= hash >> 16;
        hash *= 0x85ebca6bu;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35u;
        return hash ^ (hash >> 16);
    }
}
