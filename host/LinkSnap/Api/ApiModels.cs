using System.Text.Json.Serialization;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Storage;

namespace LinkSnap.Api;

/// <summary>A link as the API returns it (LinkSummary; with Snapshots for GET /api/links/{id}).</summary>
public sealed record LinkDto
{
    public required long Id { get; init; }
    public required string Url { get; init; }
    public string? Title { get; init; }
    public required string Site { get; init; }

    /// <summary>The page's author and publication date as its latest capture read them (metadata.byline, metadata.publishedTime).</summary>
    public string? Author { get; init; }

    public string? Published { get; init; }

    /// <summary>How far the reader view was read, 0 to 1 (decision 069); null until it was first scrolled.</summary>
    public double? ReadingProgress { get; init; }

    public string Note { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int SnapshotCount { get; init; }
    public LatestSnapshotDto? Latest { get; init; }
    public bool Read { get; init; }
    public bool Favorite { get; init; }
    public bool Archived { get; init; }
    public bool Private { get; init; }

    /// <summary>Set when a watch kept a changed version not yet looked at.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>The original page's latest health check; null until the link was first checked.</summary>
    public Health.LinkHealthDto? Health { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Snippet { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SnapshotDto>? Snapshots { get; init; }

    public static LinkDto From(LinkRecord link, IReadOnlyList<SnapshotRecord>? snapshots = null) => new()
    {
        Id = link.Id,
        Url = link.Url,
        Title = link.Title.Length == 0 ? null : link.Title,
        Site = link.Site,
        Author = link.Author,
        Published = link.Published,
        ReadingProgress = link.ReadingProgress,
        Note = link.Note,
        Tags = link.Tags,
        CreatedAt = link.CreatedAt,
        UpdatedAt = link.UpdatedAt,
        SnapshotCount = link.SnapshotCount,
        Latest = link.Latest is null ? null : LatestSnapshotDto.From(link.Latest),
        Snippet = link.Snippet,
        Read = link.States.Read,
        Favorite = link.States.Favorite,
        Archived = link.States.Archived,
        Private = link.States.Private,
        ChangedAt = link.ChangedAt,
        Health = LinkSnap.Health.LinkHealthDto.From(link.Health),
        Snapshots = snapshots?.Select(SnapshotDto.From).ToList(),
    };
}

public sealed record LatestSnapshotDto(
    long Id, SnapshotStatus Status, CaptureStage? Stage, string? Reason, DateTimeOffset CreatedAt, CaptureMode Mode, bool HasThumbnail, string? ThumbnailUrl)
{
    /// <summary>The page was found gone (DNS failure, HTTP 404/410) by this capture.</summary>
    public bool Gone { get; init; }

    /// <summary>The HTTP status when the server answered with an error (400 or more): the library says "failed: HTTP 404 Not Found".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? HttpError { get; init; }

    /// <summary>The site's icon as this capture saved it, for the card.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FaviconUrl { get; init; }

    public static LatestSnapshotDto From(SnapshotRecord s) =>
        new(s.Id, s.Status, s.Stage, s.Reason, s.CreatedAt, s.Mode, s.HasThumbnail, ArtifactDto.FileUrl(s, ArtifactKinds.Thumbnail))
        {
            Gone = s.Gone,
            HttpError = SnapshotDto.HttpErrorOf(s),
            FaviconUrl = ArtifactDto.FileUrl(s, ArtifactKinds.Favicon),
        };
}

/// <summary>SnapshotSummary (lists) and SnapshotDetail (GET /api/snapshots/{id}): one shape, details filled in for the latter.</summary>
public sealed record SnapshotDto
{
    public required long Id { get; init; }
    public required long LinkId { get; init; }
    public string? Url { get; init; }
    public string? Title { get; init; }
    public required SnapshotStatus Status { get; init; }
    public CaptureStage? Stage { get; init; }
    public string? Reason { get; init; }
    public CaptureMode Mode { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public int Attempts { get; init; }
    public bool HasThumbnail { get; init; }
    public string? ThumbnailUrl { get; init; }

    /// <summary>"user", or a background class such as "import" (runs after user captures).</summary>
    public string JobClass { get; init; } = JobClasses.User;

    /// <summary>Times a failed background capture was queued again; NotBefore is when the next try may start.</summary>
    public int Retries { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public bool Gone { get; init; }

    /// <summary>The HTTP status when the server answered with an error (400 or more).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? HttpError { get; init; }

    /// <summary>Imported versions only: the tool whose export held the content (not captured by LinkSnap).</summary>
    public string? ImportedFrom { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PageMetadata? Metadata { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ArtifactDto>? Artifacts { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, double>? TimingsMs { get; init; }

    /// <summary>Absolute folder of the snapshot's files (detail only; the CLI prints artifact paths from it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Folder { get; init; }

    /// <summary>
    /// Detail only: the snapshot's folder was deleted from disk since it was saved (FolderMissing), or
    /// these recorded files were (MissingFiles). Checked on every read, so the library says so before any reindex.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool FolderMissing { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? MissingFiles { get; init; }

    public static SnapshotDto From(SnapshotRecord s) => new()
    {
        Id = s.Id,
        LinkId = s.LinkId,
        Url = s.Url,
        Title = s.Title,
        Status = s.Status,
        Stage = s.Stage,
        Reason = s.Reason,
        Mode = s.Mode,
        CreatedAt = s.CreatedAt,
        StartedAt = s.StartedAt,
        FinishedAt = s.FinishedAt,
        Attempts = s.Attempts,
        HasThumbnail = s.HasThumbnail,
        ThumbnailUrl = ArtifactDto.FileUrl(s, ArtifactKinds.Thumbnail),
        JobClass = s.JobClass,
        Retries = s.Retries,
        NotBefore = s.Status == SnapshotStatus.Queued ? s.NotBefore : null,
        Gone = s.Gone,
        HttpError = HttpErrorOf(s),
        ImportedFrom = s.ImportedFrom,
    };

    public static int? HttpErrorOf(SnapshotRecord s) => s.Metadata?.HttpStatus is >= 400 and var status ? status : null;

    public static SnapshotDto Detail(SnapshotRecord s, string? absoluteFolder)
    {
        var folderMissing = absoluteFolder is not null && !Directory.Exists(absoluteFolder);
        var missing = absoluteFolder is null ? [] : s.Artifacts
            .Where(a => a.Status == ArtifactStatus.Ok && a.FileName is not null && (folderMissing || !File.Exists(Path.Combine(absoluteFolder, a.FileName))))
            .Select(a => a.FileName!).Distinct().ToList();
        var summary = From(s);
        return summary with
        {
            Metadata = s.Metadata ?? new PageMetadata(),
            Artifacts = s.Artifacts.Select(a => ArtifactDto.From(s.Id, a, missing.Contains(a.FileName!))).ToList(),
            TimingsMs = s.TimingsMs,
            Folder = absoluteFolder,
            FolderMissing = folderMissing,
            MissingFiles = missing.Count > 0 ? missing : null,
            ThumbnailUrl = s.Artifacts.Any(a => a.Kind == ArtifactKinds.Thumbnail && missing.Contains(a.FileName!)) ? null : summary.ThumbnailUrl,
        };
    }
}

/// <summary>Missing: saved, but the file has since been deleted from disk (detail only); such a file has no Url.</summary>
public sealed record ArtifactDto(string Kind, string? FileName, ArtifactStatus Status, long Bytes, string? ContentType, string? Error, string? Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Missing = false)
{
    public static ArtifactDto From(long snapshotId, ArtifactInfo a, bool missing = false) =>
        new(a.Kind, a.FileName, a.Status, a.Bytes, a.ContentType, a.Error, a.FileName is null || a.Status != ArtifactStatus.Ok || missing ? null : FilePath(snapshotId, a.FileName), missing);

    public static string FilePath(long snapshotId, string fileName) => $"/api/snapshots/{snapshotId}/files/{Uri.EscapeDataString(fileName)}";

    public static string? FileUrl(SnapshotRecord s, string kind) =>
        s.Artifacts.FirstOrDefault(a => a.Kind == kind && a.Status == ArtifactStatus.Ok && a.FileName is not null) is { } a ? FilePath(s.Id, a.FileName!) : null;
}

/// <summary>TotalIsLowerBound: more than Total links match (the count stops at LinkListing.TotalCountLimit).</summary>
public sealed record LinkPageDto(IReadOnlyList<LinkDto> Items, string? NextCursor, int Total, bool TotalIsLowerBound);

public sealed record CaptureAcceptedDto(long LinkId, long SnapshotId, SnapshotStatus Status);

public sealed record LookupDto(bool Saved, long? LinkId, int SnapshotCount, DateTimeOffset? LastSavedAt, IReadOnlyList<string> Tags);

/// <summary>Body of PATCH /api/links/{id}: a null or absent field (or state) is left as it is.</summary>
public sealed record LinkEditDto(string? Title, string? Note, IReadOnlyList<string>? Tags, bool? Read = null, bool? Favorite = null, bool? Archived = null, bool? Private = null);

public sealed record TagsDto(IReadOnlyList<string>? Tags);

public sealed record RecaptureDto(string? Mode, string? Html);

public sealed record RenameTagDto(string? From, string? To);

/// <summary>Body of PUT /api/default-tags and reply of GET: the default tags in order.</summary>
public sealed record DefaultTagsDto(IReadOnlyList<string>? Tags);

public sealed record MergeTagsDto(IReadOnlyList<string>? From, string? Into);

public sealed record BulkDto(IReadOnlyList<long>? LinkIds, string? Action, string? Tag);

public sealed record StatusDto(
    string Version, int Pid, string DataDirectory, string LibraryUrl, int Port, int? SnapshotPort, string Socket, QueueCountsDto Queue);

public sealed record QueueCountsDto(int Queued, int Running);
