using System.Globalization;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Versions;

/// <summary>The metadata a person compares between two versions, each field as text on both sides.</summary>
public static class MetadataComparer
{
    public static IReadOnlyList<MetadataChange> Compare(SnapshotRecord before, SnapshotRecord after)
    {
        var (a, b) = (before.Metadata ?? new PageMetadata(), after.Metadata ?? new PageMetadata());
        return
        [
            new("captured", Date(before.CreatedAt), Date(after.CreatedAt)),
            new("status", StorageText.Status(before.Status), StorageText.Status(after.Status)),
            new("title", a.Title, b.Title),
            new("finalUrl", a.FinalUrl, b.FinalUrl),
            new("redirects", Redirects(a), Redirects(b)),
            new("httpStatus", a.HttpStatus?.ToString(CultureInfo.InvariantCulture), b.HttpStatus?.ToString(CultureInfo.InvariantCulture)),
            new("contentType", a.ContentType, b.ContentType),
            new("pageBytes", a.ContentBytes?.ToString(CultureInfo.InvariantCulture), b.ContentBytes?.ToString(CultureInfo.InvariantCulture)),
            new("savedBytes", SavedBytes(before), SavedBytes(after)),
            new("publishedTime", a.PublishedTime, b.PublishedTime),
            new("byline", a.Byline, b.Byline),
            new("language", a.Language, b.Language),
            new("description", a.Description, b.Description),
        ];
    }

    private static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string? Redirects(PageMetadata metadata) => metadata.Redirects.Count == 0 ? null : string.Join(" → ", metadata.Redirects);

    private static string SavedBytes(SnapshotRecord snapshot) =>
        snapshot.Artifacts.Where(x => x.Status == ArtifactStatus.Ok).Sum(x => x.Bytes).ToString(CultureInfo.InvariantCulture);
}
