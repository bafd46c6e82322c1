using LinkSnap.Core.Storage;
using LinkSnap.Core.Versions;
using LinkSnap.Library;

namespace LinkSnap.Api;

/// <summary>/api/snapshots/{a}/compare/{b} (two versions of one link) and /api/links/{id}/changes (what each version changed).</summary>
public static class VersionEndpoints
{
    /// <summary>Versions the Versions panel summarizes; older ones are listed without a summary.</summary>
    public const int MaxSummarized = 20;

    public static void MapVersionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/snapshots/{before}/compare/{after}", (string before, string after, LinkSnapService service, VersionComparer comparer) =>
        {
            var a = service.GetSnapshot(ApiErrors.ParseId(before, "snapshot"));
            var b = service.GetSnapshot(ApiErrors.ParseId(after, "snapshot"));
            if (a.LinkId != b.LinkId)
            {
                throw new ArgumentException($"Snapshots {a.Id} and {b.Id} are versions of different links; compare two versions of one link.");
            }

            return VersionComparisonDto.From(comparer.Compare(a, b));
        });

        api.MapGet("/links/{id}/changes", (string id, LinkSnapService service, VersionComparer comparer) =>
        {
            var link = service.GetLink(ApiErrors.ParseId(id, "link"));
            var versions = service.ListSnapshots(link.Id); // newest first
            var items = versions.Take(MaxSummarized).Select((snapshot, i) =>
            {
                var previous = versions.Skip(i + 1).FirstOrDefault(v => v.Status is SnapshotStatus.Done or SnapshotStatus.Partial);
                var comparison = snapshot.Status is SnapshotStatus.Done or SnapshotStatus.Partial && previous is not null
                    ? comparer.Compare(previous, snapshot, screenshots: false) : null;
                var summary = !snapshot.IsFinished ? null
                    : snapshot.Status == SnapshotStatus.Failed ? "failed"
                    : comparison?.Summary ?? "first version";
                return new VersionChangeDto(snapshot.Id, previous?.Id, summary, comparison?.Changes);
            });
            return new { items = items.ToList() };
        });
    }
}

/// <summary>Changes is null for the first, a failed or an unfinished version (Summary says which).</summary>
public sealed record VersionChangeDto(long SnapshotId, long? PreviousId, string? Summary, ChangeFacts? Changes);
