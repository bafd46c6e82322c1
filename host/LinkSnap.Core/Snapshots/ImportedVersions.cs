using LinkSnap.Core.Capture;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Snapshots;

/// <summary>
/// Adds imported versions: content another tool's export kept (wallabag/Omnivore/Karakeep article HTML,
/// a WACZ's records) stored as a version of the link, marked "imported from …, not captured by LinkSnap"
/// (<see cref="CaptureMode.Imported"/>, <see cref="SnapshotRecord.ImportedFrom"/>). One path for every
/// importer, so an imported version looks the same whatever brought it.
/// </summary>
public sealed class ImportedVersions(LinkStore store, SnapshotFolders folders, SnapshotWriter writer, TimeProvider time)
{
    /// <summary>
    /// Writes the version's files with <paramref name="write"/> (given an empty folder) and records it as done.
    /// Returns the snapshot id; null when the link no longer exists. When <paramref name="write"/> throws, the
    /// version stays failed with the import's reason and the exception goes on.
    /// With <paramref name="contentHash"/> (a hash of the export's content), a link that already has a finished
    /// version made from the same content gets no second one: that version's id is returned and nothing is written,
    /// so importing the same export again adds nothing.
    /// </summary>
    public long? Add(long linkId, string importedFrom, DateTimeOffset? savedAt, Func<string, ImportedContent> write, string? contentHash = null) =>
        contentHash is not null && store.Snapshots.FindImportedContent(linkId, contentHash) is { } same ? same
        : store.Snapshots.AddImportedSnapshot(linkId, importedFrom, savedAt, contentHash) is { } id ? Fill(id, write) : null;

    /// <summary>
    /// Writes the files of an imported version that exists but was never completed (born failed with
    /// <see cref="SnapshotStore.ImportedUnfinished"/>, a crash before its files were written) and records it as done.
    /// Null when the version or its link no longer exists.
    /// </summary>
    public long? Fill(long id, Func<string, ImportedContent> write)
    {
        if (store.Snapshots.GetSnapshot(id) is not { } snapshot || store.GetLink(snapshot.LinkId) is not { } link || snapshot.ImportedFrom is null)
        {
            return null;
        }

        var temp = folders.CreateTempFolder(id);
        try
        {
            var content = write(temp);
            var status = content.Artifacts.Any(a => a.Status == ArtifactStatus.Failed) ? SnapshotStatus.Partial : SnapshotStatus.Done;
            var finished = snapshot with { Status = status, Reason = null, FinishedAt = time.GetUtcNow(), Metadata = content.Metadata, Artifacts = content.Artifacts };
            var relative = writer.WriteFolder(temp, finished, link, content.SearchText);
            writer.Record(id, new SnapshotCompletion
            {
                Status = status,
                Folder = relative,
                Metadata = content.Metadata,
                Artifacts = content.Artifacts,
                ArticleText = content.SearchText,
                FinishedAt = finished.FinishedAt,
            });
            return id;
        }
        catch
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }

            throw;
        }
    }
}
