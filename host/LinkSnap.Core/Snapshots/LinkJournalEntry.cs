namespace LinkSnap.Core.Snapshots;

/// <summary>One line of links.jsonl: a link as it was after a change (<see cref="Link"/>), or its deletion.</summary>
public sealed record LinkJournalEntry
{
    public required long Id { get; init; }
    public required string Url { get; init; }
    public required DateTimeOffset At { get; init; }
    public SnapshotLinkInfo? Link { get; init; }
    public bool Deleted { get; init; }
}
