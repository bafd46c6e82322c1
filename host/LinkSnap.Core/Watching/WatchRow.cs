using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Watching;

/// <summary>A watches row joined with its link, as Dapper reads it.</summary>
internal sealed class WatchRow
{
    public long LinkId { get; set; }
    public string Url { get; set; } = "";
    public string Title { get; set; } = "";
    public string Period { get; set; } = "off";
    public string Source { get; set; } = WatchStore.LinkSource;
    public string? NextDueAt { get; set; }
    public long? SnapshotId { get; set; }
    public long Failures { get; set; }
    public string? LastCheckedAt { get; set; }
    public string? LastOutcome { get; set; }
    public string? LastReason { get; set; }
    public string? ChangedAt { get; set; }

    public WatchRecord ToRecord() => new()
    {
        LinkId = LinkId,
        Url = Url,
        Title = Title,
        Period = SchedulePeriods.Parse(Period),
        Source = Source,
        NextDueAt = StorageText.ParseTimeOrNull(NextDueAt),
        SnapshotId = SnapshotId,
        Failures = (int)Failures,
        LastCheckedAt = StorageText.ParseTimeOrNull(LastCheckedAt),
        LastOutcome = LastOutcome,
        LastReason = LastReason,
        ChangedAt = StorageText.ParseTimeOrNull(ChangedAt),
    };
}
