namespace LinkSnap.Core.Storage;

/// <summary>A persisted import and its progress: links added so far and the state of the captures it queued.</summary>
public sealed record ImportRecord
{
    public required long Id { get; init; }
    public required string FileName { get; init; }
    public required string Format { get; init; }

    /// <summary>running (adding links), capturing (all added), paused, cancelled, done.</summary>
    public required string Status { get; init; }

    public bool NoCapture { get; init; }
    public required string PlanPath { get; init; }
    public int EntryCount { get; init; }
    public int LinkCount { get; init; }
    public int RejectedCount { get; init; }
    public int DuplicateCount { get; init; }
    public int Applied { get; init; }
    public int Created { get; init; }
    public int Merged { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Captures this import queued, by status ("queued", "running", "done", "partial", "failed").</summary>
    public IReadOnlyDictionary<string, int> Captures { get; init; } = new Dictionary<string, int>();
}
