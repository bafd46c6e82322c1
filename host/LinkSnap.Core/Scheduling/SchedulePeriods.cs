namespace LinkSnap.Core.Scheduling;

/// <summary>Names (as typed in the CLI, stored in SQLite, sent by the library) and lengths of <see cref="SchedulePeriod"/>.</summary>
public static class SchedulePeriods
{
    /// <summary>The names in the order a menu shows them.</summary>
    public static readonly IReadOnlyList<string> Names = ["off", "hourly", "daily", "weekly", "monthly"];

    public static string ToName(this SchedulePeriod period) => Names[(int)period];

    public static bool TryParse(string? text, out SchedulePeriod period)
    {
        var index = Names.ToList().IndexOf((text ?? "").Trim().ToLowerInvariant());
        period = index < 0 ? SchedulePeriod.Off : (SchedulePeriod)index;
        return index >= 0;
    }

    /// <summary>Parses a name or throws an <see cref="ArgumentException"/> that lists the valid names.</summary>
    public static SchedulePeriod Parse(string? text) =>
        TryParse(text, out var period)
            ? period
            : throw new ArgumentException($"'{text}' is not a schedule; use one of: {string.Join(", ", Names)}.");

    /// <summary>
    /// A fixed length per period. A month is 30 days rather than a calendar month: the rule only has to
    /// spread checks out, and a fixed length keeps "next due" a pure addition that cannot land on a day
    /// that does not exist.
    /// </summary>
    public static TimeSpan Length(this SchedulePeriod period) => period switch
    {
        SchedulePeriod.Hourly => TimeSpan.FromHours(1),
        SchedulePeriod.Daily => TimeSpan.FromDays(1),
        SchedulePeriod.Weekly => TimeSpan.FromDays(7),
        SchedulePeriod.Monthly => TimeSpan.FromDays(30),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "An 'off' schedule has no length."),
    };
}
