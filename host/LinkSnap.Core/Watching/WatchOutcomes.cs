namespace LinkSnap.Core.Watching;

/// <summary>How a check ended, as stored in watch_checks.outcome and watches.last_outcome.</summary>
public static class WatchOutcomes
{
    /// <summary>Nothing meaningful changed (see <see cref="ChangeRule"/>): no version kept.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>The new version was kept and the link marked changed.</summary>
    public const string Changed = "changed";

    /// <summary>The capture failed; the schedule backs off.</summary>
    public const string Failed = "failed";
}
