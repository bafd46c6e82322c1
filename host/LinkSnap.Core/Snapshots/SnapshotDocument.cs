using LinkSnap.Core.Capture;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Snapshots;

/// <summary>
/// snapshot.json, written beside a snapshot's files. It holds everything needed to rebuild the
/// database from the folders (`linksnap reindex`): the link as it was last edited, the job's
/// outcome, metadata, artifacts and timings.
/// </summary>
public sealed record SnapshotDocument
{
    public const string FileName = "snapshot.json";

    public int FormatVersion { get; init; } = 1;
    public required long Id { get; init; }
    public required long LinkId { get; init; }
    public required SnapshotLinkInfo Link { get; init; }
    public required SnapshotStatus Status { get; init; }
    public string? Reason { get; init; }
    public CaptureMode Mode { get; init; }
    public int Attempts { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public PageMetadata? Metadata { get; init; }
    public IReadOnlyList<ArtifactInfo> Artifacts { get; init; } = [];
    public IReadOnlyDictionary<string, double> TimingsMs { get; init; } = new Dictionary<string, double>();

    /// <summary>Who asked for the capture (<see cref="JobClasses"/>).</summary>
    public string JobClass { get; init; } = JobClasses.User;

    /// <summary>The page was gone when captured (DNS failure, HTTP 404/410).</summary>
    public bool Gone { get; init; }

    /// <summary>Imported versions (<see cref="CaptureMode.Imported"/>): the tool whose export held the content.</summary>
    public string? ImportedFrom { get; init; }

    /// <summary>
    /// Imported versions: the hash of the export's content (<see cref="SnapshotRecord.ImportedHash"/>). Kept here so that
    /// after `linksnap reindex` importing the same export again still adds no second version.
    /// </summary>
    public string? ImportedHash { get; init; }
}

/// <summary>The link a snapshot belongs to, as snapshot.json records it.</summary>
public sealed record SnapshotLinkInfo
{
    public required string Url { get; init; }
    public string Title { get; init; } = "";
    public bool TitleIsCustom { get; init; }
    public string Note { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Read-later states; absent in snapshot.json written before they existed (all false).</summary>
    public LinkStates States { get; init; } = new();

    /// <summary>How far the reader view was read (0 to 1; null before the first scroll). In links.jsonl once reading pauses (decision 077).</summary>
    public double? ReadingProgress { get; init; }

    public static SnapshotLinkInfo From(LinkRecord link) => new()
    {
        Url = link.Url,
        Title = link.Title,
        TitleIsCustom = link.TitleIsCustom,
        Note = link.Note,
        Tags = link.Tags,
        CreatedAt = link.CreatedAt,
        States = link.States,
        ReadingProgress = link.ReadingProgress,
    };
}
