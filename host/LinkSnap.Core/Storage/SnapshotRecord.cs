using LinkSnap.Core.Capture;

namespace LinkSnap.Core.Storage;

/// <summary>One snapshot (version) of a link; while not finished it is also a job in the capture queue.</summary>
public sealed record SnapshotRecord
{
    public required long Id { get; init; }
    public required long LinkId { get; init; }
    public required SnapshotStatus Status { get; init; }
    public CaptureStage? Stage { get; init; }
    public string? Reason { get; init; }
    public CaptureMode Mode { get; init; }
    public int Attempts { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Folder relative to the data directory, once the capture has been written.</summary>
    public string? Folder { get; init; }

    /// <summary>As-seen mode: file holding the DOM sent by the extension, until captured.</summary>
    public string? InputPath { get; init; }

    public string? Title { get; init; }
    public bool HasThumbnail { get; init; }
    public PageMetadata? Metadata { get; init; }
    public IReadOnlyList<ArtifactInfo> Artifacts { get; init; } = [];
    public IReadOnlyDictionary<string, double> TimingsMs { get; init; } = new Dictionary<string, double>();

    /// <summary>Who asked for it (<see cref="JobClasses"/>): user captures run before background ones.</summary>
    public string JobClass { get; init; } = JobClasses.User;

    /// <summary>A background capture waiting for its retry is not started before this time.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>How many times a failed background capture has been queued again.</summary>
    public int Retries { get; init; }

    /// <summary>The page was found gone (DNS failure, HTTP 404 or 410): not retried.</summary>
    public bool Gone { get; init; }

    /// <summary>Imported versions only: the tool whose export held the content ("wallabag", "WACZ"...).</summary>
    public string? ImportedFrom { get; init; }

    /// <summary>Imported versions only: a hash of the export's content it was made from (migration 019), so a repeat import adds no second version.</summary>
    public string? ImportedHash { get; init; }

    /// <summary>Joined from the link for job lists.</summary>
    public string? Url { get; init; }

    public bool IsFinished => Status is SnapshotStatus.Done or SnapshotStatus.Partial or SnapshotStatus.Failed;
}
