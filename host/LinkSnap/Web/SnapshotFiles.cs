using System.Globalization;
using LinkSnap.Core.Capture;
using LinkSnap.Shared;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;

namespace LinkSnap.Web;

/// <summary>
/// The one artifact allow-list of both routes that serve snapshot files (GET /api/snapshots/{id}/files/…
/// on the library origin and the sandboxed snapshot origin): only files the snapshot recorded as saved
/// (plus its snapshot.json), checked by <see cref="SafeFilePath"/>. The reader view wraps only the
/// recorded readable article, never another file.
/// </summary>
public sealed class SnapshotFiles(LinkStore store, SnapshotFolders folders, LinkSnapPaths paths)
{
    /// <summary>The snapshot with that id (a URL segment), or null.</summary>
    public SnapshotRecord? Find(string snapshotId) =>
        long.TryParse(snapshotId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? store.GetSnapshot(id) : null;

    /// <summary>The snapshot's folder when it is on disk and safe to serve from, else null.</summary>
    public string? FolderOf(SnapshotRecord snapshot)
    {
        if (snapshot.Folder is null)
        {
            return null;
        }

        try
        {
            var folder = folders.Resolve(snapshot.Folder);
            return SafeFilePath.IsSafeFolder(paths.SnapshotsDirectory, folder) ? folder : null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A recorded file of the snapshot that may be served, or null (unknown, not saved, unsafe or missing).</summary>
    public SnapshotFile? Resolve(SnapshotRecord snapshot, string fileName, bool asReader = false)
    {
        var artifact = snapshot.Artifacts.FirstOrDefault(a => a.Status == ArtifactStatus.Ok && a.FileName == fileName);
        var allowed = asReader
            ? artifact?.Kind == ArtifactKinds.ArticleHtml
            : artifact is not null || fileName == SnapshotDocument.FileName;
        var folder = allowed ? FolderOf(snapshot) : null;
        var path = folder is null ? null : SafeFilePath.Resolve(paths.SnapshotsDirectory, folder, fileName);
        return path is null ? null : new SnapshotFile(path, artifact);
    }
}

/// <summary>A file that passed the rules; <see cref="Artifact"/> is null for snapshot.json.</summary>
public sealed record SnapshotFile(string Path, ArtifactInfo? Artifact);
