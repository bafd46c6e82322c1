using LinkSnap.Core.Storage;

namespace LinkSnap.Imports;

/// <summary>An import's progress (GET /api/imports/{id}): links added, captures archived/queued/failed, time left.</summary>
public sealed record ImportProgress
{
    public required long Id { get; init; }
    public required string FileName { get; init; }
    public required string Format { get; init; }
    public required string Status { get; init; }
    public bool NoCapture { get; init; }
    public int Entries { get; init; }
    public int Links { get; init; }
    public int Added { get; init; }
    public int Created { get; init; }
    public int Merged { get; init; }
    public int DuplicatesInFile { get; init; }
    public int Invalid { get; init; }
    public int Archived { get; init; }
    public int Queued { get; init; }
    public int Running { get; init; }
    public int Failed { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Estimated seconds until the captures are done, from the pace so far; null while nothing is archived.</summary>
    public double? SecondsLeft { get; init; }

    public static ImportProgress From(ImportRecord import, DateTimeOffset now)
    {
        var archived = import.Captures.GetValueOrDefault("done") + import.Captures.GetValueOrDefault("partial");
        var failed = import.Captures.GetValueOrDefault("failed");
        var queued = import.Captures.GetValueOrDefault("queued");
        var running = import.Captures.GetValueOrDefault("running");
        var elapsed = (now - import.CreatedAt).TotalSeconds;
        var finished = archived + failed;
        return new ImportProgress
        {
            Id = import.Id,
            FileName = import.FileName,
            Format = import.Format,
            Status = import.Status,
            NoCapture = import.NoCapture,
            Entries = import.EntryCount,
            Links = import.LinkCount,
            Added = import.Applied,
            Created = import.Created,
            Merged = import.Merged,
            DuplicatesInFile = import.DuplicateCount,
            Invalid = import.RejectedCount,
            Archived = archived,
            Queued = queued,
            Running = running,
            Failed = failed,
            CreatedAt = import.CreatedAt,
            FinishedAt = import.FinishedAt,
            SecondsLeft = finished > 0 && queued + running > 0 ? Math.Round(elapsed / finished * (queued + running)) : null,
        };
    }
}
