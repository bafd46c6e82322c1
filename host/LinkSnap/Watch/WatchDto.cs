using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Watching;

namespace LinkSnap.Watch;

/// <summary>A link's watch as the API returns it. "every" is off, hourly, daily, weekly or monthly.</summary>
public sealed record WatchDto(
    long LinkId, string Url, string Title, string Every, string Source, DateTimeOffset? NextDueAt, bool Checking,
    int Failures, DateTimeOffset? LastCheckedAt, string? LastOutcome, string? LastReason, DateTimeOffset? ChangedAt)
{
    /// <summary>The link's recent checks, newest first (only on GET /api/links/{id}/watch).</summary>
    public IReadOnlyList<WatchCheckDto>? Checks { get; init; }

    public static WatchDto From(WatchRecord w) => new(
        w.LinkId, w.Url, w.Title, w.Period.ToName(), w.Source, w.NextDueAt, w.SnapshotId is not null,
        w.Failures, w.LastCheckedAt, w.LastOutcome, w.LastReason, w.ChangedAt);

    /// <summary>A link nobody set a watch on.</summary>
    public static WatchDto None(long linkId, string url, string title) =>
        new(linkId, url, title, SchedulePeriod.Off.ToName(), WatchStore.LinkSource, null, false, 0, null, null, null, null);
}

public sealed record WatchCheckDto(long Id, long LinkId, string Url, string Title, DateTimeOffset CheckedAt, string Outcome, string? Reason, long? SnapshotId)
{
    public static WatchCheckDto From(WatchCheck c) => new(c.Id, c.LinkId, c.Url, c.Title, c.CheckedAt, c.Outcome, c.Reason, c.SnapshotId);
}

/// <summary>Body of PUT /api/links/{id}/watch and PUT /api/tags/watch.</summary>
public sealed record WatchRequestDto(string? Every, string? Tag);

/// <summary>Answer of GET /api/watches: how many links are watched, a page of them, and the watched tags.</summary>
public sealed record WatchListDto(int Count, IReadOnlyList<WatchDto> Items, IReadOnlyList<TagWatchDto> Tags);

/// <summary>A watched tag; with Links (PUT /api/tags/watch), how many links now follow it.</summary>
public sealed record TagWatchDto(string Tag, string Every, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] int? Links = null);

/// <summary>Answer of GET /api/changes: the latest checks that kept a changed version, newest first.</summary>
public sealed record ChangesDto(IReadOnlyList<WatchCheckDto> Items);
