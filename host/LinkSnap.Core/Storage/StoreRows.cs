using System.Text.Json;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Health;
using LinkSnap.Core.Snapshots;

namespace LinkSnap.Core.Storage;

/// <summary>Rows as Dapper reads them (plain columns), turned into the public records.</summary>
internal sealed class LinkRow
{
    public long Id { get; set; }
    public string Url { get; set; } = "";
    public string NormalizedUrl { get; set; } = "";
    public string Site { get; set; } = "";
    public string Title { get; set; } = "";
    public long TitleIsCustom { get; set; }
    public string Note { get; set; } = "";
    public string CreatedAt { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
    public long? LatestSnapshotId { get; set; }
    public long SnapshotCount { get; set; }
    public string? Snippet { get; set; }
    public long IsRead { get; set; }
    public long IsFavorite { get; set; }
    public long IsArchived { get; set; }
    public long IsPrivate { get; set; }
    public string? ChangedAt { get; set; }
    public string? Health { get; set; }
    public string? HealthReason { get; set; }
    public string? HealthCheckedAt { get; set; }
    public string? HealthMovedTo { get; set; }
    public string? Author { get; set; }
    public string Published { get; set; } = "";
    public double? ReadingProgress { get; set; }

    public LinkRecord ToRecord(IReadOnlyList<string> tags, SnapshotRecord? latest) => new()
    {
        Id = Id,
        Url = Url,
        NormalizedUrl = NormalizedUrl,
        Site = Site,
        Author = Author,
        Published = Published.Length == 0 ? null : Published,
        ReadingProgress = ReadingProgress,
        Title = Title,
        TitleIsCustom = TitleIsCustom != 0,
        Note = Note,
        CreatedAt = StorageText.ParseTime(CreatedAt),
        UpdatedAt = StorageText.ParseTime(UpdatedAt),
        ChangedAt = StorageText.ParseTimeOrNull(ChangedAt),
        Tags = tags,
        SnapshotCount = (int)SnapshotCount,
        Latest = latest,
        Snippet = Snippet,
        States = new LinkStates(IsRead != 0, IsFavorite != 0, IsArchived != 0, IsPrivate != 0),
        Health = Health is null || HealthCheckedAt is null ? null
            : new LinkHealth(HealthStates.Parse(Health), HealthReason ?? "", StorageText.ParseTime(HealthCheckedAt), HealthMovedTo),
    };
}

internal sealed class SnapshotRow
{
    public const string Columns =
        "s.id, s.link_id, s.status, s.stage, s.reason, s.mode, s.attempts, s.created_at, s.started_at, s.finished_at, " +
        "s.folder, s.input_path, s.title, s.has_thumbnail, s.metadata_json, s.artifacts_json, s.timings_json, l.url, " +
        "s.job_class, s.not_before, s.retries, s.gone, s.imported_from, s.imported_hash";

    public long Id { get; set; }
    public long LinkId { get; set; }
    public string Status { get; set; } = "";
    public string? Stage { get; set; }
    public string? Reason { get; set; }
    public string Mode { get; set; } = "fresh";
    public long Attempts { get; set; }
    public string CreatedAt { get; set; } = "";
    public string? StartedAt { get; set; }
    public string? FinishedAt { get; set; }
    public string? Folder { get; set; }
    public string? InputPath { get; set; }
    public string? Title { get; set; }
    public long HasThumbnail { get; set; }
    public string? MetadataJson { get; set; }
    public string? ArtifactsJson { get; set; }
    public string? TimingsJson { get; set; }
    public string? Url { get; set; }
    public string JobClass { get; set; } = JobClasses.User;
    public string? NotBefore { get; set; }
    public long Retries { get; set; }
    public long Gone { get; set; }
    public string? ImportedFrom { get; set; }
    public string? ImportedHash { get; set; }

    public SnapshotRecord ToRecord() => new()
    {
        Id = Id,
        LinkId = LinkId,
        Status = StorageText.ParseStatus(Status),
        Stage = StorageText.ParseStage(Stage),
        Reason = Reason,
        Mode = StorageText.ParseMode(Mode),
        Attempts = (int)Attempts,
        CreatedAt = StorageText.ParseTime(CreatedAt),
        StartedAt = StorageText.ParseTimeOrNull(StartedAt),
        FinishedAt = StorageText.ParseTimeOrNull(FinishedAt),
        Folder = Folder,
        InputPath = InputPath,
        Title = Title,
        HasThumbnail = HasThumbnail != 0,
        Metadata = MetadataJson is null ? null : JsonSerializer.Deserialize<PageMetadata>(MetadataJson, SnapshotJson.Options),
        Artifacts = ArtifactsJson is null ? [] : JsonSerializer.Deserialize<List<ArtifactInfo>>(ArtifactsJson, SnapshotJson.Options) ?? [],
        TimingsMs = TimingsJson is null ? new Dictionary<string, double>() : JsonSerializer.Deserialize<Dictionary<string, double>>(TimingsJson, SnapshotJson.Options) ?? [],
        Url = Url,
        JobClass = JobClass,
        NotBefore = StorageText.ParseTimeOrNull(NotBefore),
        Retries = (int)Retries,
        Gone = Gone != 0,
        ImportedFrom = ImportedFrom,
        ImportedHash = ImportedHash,
    };
}
