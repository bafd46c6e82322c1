using LinkSnap.Core.Scheduling;

namespace LinkSnap.Core.Watching;

/// <summary>A watched link as the library, the CLI and the scheduler see it.</summary>
public sealed record WatchRecord
{
    public required long LinkId { get; init; }
    public string Url { get; init; } = "";
    public string Title { get; init; } = "";
    public required SchedulePeriod Period { get; init; }

    /// <summary>"link", or the tag whose watch this link follows.</summary>
    public string Source { get; init; } = WatchStore.LinkSource;

    public DateTimeOffset? NextDueAt { get; init; }

    /// <summary>The check in flight (its capture), or null.</summary>
    public long? SnapshotId { get; init; }

    /// <summary>Failed checks in a row; the schedule backs off while it is above zero.</summary>
    public int Failures { get; init; }

    public DateTimeOffset? LastCheckedAt { get; init; }
    public string? LastOutcome { get; init; }
    public string? LastReason { get; init; }

    /// <summary>When a check last kept a changed version the person has not looked at yet.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>A stable key for the schedule's jitter.</summary>
    public string Key => KeyOf(LinkId);

    public static string KeyOf(long linkId) => "watch:" + linkId;
}
