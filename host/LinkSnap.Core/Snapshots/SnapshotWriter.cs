using LinkSnap.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LinkSnap.Core.Snapshots;

/// <summary>
/// The one write path of a finished version, whoever made it (a capture job, an import): its search text
/// and snapshot.json into the temporary folder, identical files shared with the link's previous version
/// as hard links, the folder renamed into place (<see cref="SnapshotFolders"/>), then its row recorded.
/// Writing the folder before the row means a crash leaves at most a folder that reindex reads back.
/// </summary>
public sealed class SnapshotWriter(LinkStore store, SnapshotFolders folders, ILogger<SnapshotWriter>? logger = null)
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>
    /// Puts the finished version's folder in place from <paramref name="temp"/> (the engine's files) and returns
    /// its folder relative to the snapshots directory; the row is written by <see cref="Record"/>.
    /// </summary>
    public string WriteFolder(string temp, SnapshotRecord finished, LinkRecord link, string? articleText)
    {
        if (!string.IsNullOrEmpty(articleText))
        {
            File.WriteAllText(Path.Combine(temp, SnapshotFolders.SearchTextFileName), articleText);
        }

        var relative = SnapshotFolders.RelativeFolder(finished.Id, finished.CreatedAt);
        SnapshotFolders.WriteDocument(temp, Document(finished, link));
        ShareWithPreviousVersion(finished, temp);
        folders.Commit(temp, relative);
        return relative;
    }

    /// <summary>
    /// Records how the version ended (its row, the link's title and search text). False when the version was
    /// deleted meanwhile; its folder is removed then.
    /// </summary>
    public bool Record(long id, SnapshotCompletion completion)
    {
        if (store.Jobs.CompleteSnapshot(id, completion))
        {
            return true;
        }

        if (completion.Folder is not null)
        {
            folders.Delete([completion.Folder]);
        }

        return false;
    }

    /// <summary>Writes a folder with only snapshot.json for a job that ended without a capture (e.g. failed at recovery), and its row.</summary>
    public void WriteRecord(SnapshotRecord snapshot)
    {
        if (store.GetLink(snapshot.LinkId) is not { } link)
        {
            return;
        }

        var temp = folders.CreateTempFolder(snapshot.Id);
        var relative = SnapshotFolders.RelativeFolder(snapshot.Id, snapshot.CreatedAt);
        SnapshotFolders.WriteDocument(temp, Document(snapshot, link));
        folders.Commit(temp, relative);
        store.Jobs.CompleteSnapshot(snapshot.Id, new SnapshotCompletion { Status = snapshot.Status, Reason = snapshot.Reason, Folder = relative, FinishedAt = snapshot.FinishedAt });
    }

    /// <summary>The snapshot.json of a version: the version's record and its link as they are now.</summary>
    public static SnapshotDocument Document(SnapshotRecord snapshot, LinkRecord link) => new()
    {
        Id = snapshot.Id,
        LinkId = link.Id,
        Link = SnapshotLinkInfo.From(link),
        Status = snapshot.Status,
        Reason = snapshot.Reason,
        Mode = snapshot.Mode,
        Attempts = snapshot.Attempts,
        CreatedAt = snapshot.CreatedAt,
        StartedAt = snapshot.StartedAt,
        FinishedAt = snapshot.FinishedAt,
        Metadata = snapshot.Metadata,
        Artifacts = snapshot.Artifacts,
        TimingsMs = snapshot.TimingsMs,
        JobClass = snapshot.JobClass,
        Gone = snapshot.Gone,
        ImportedFrom = snapshot.ImportedFrom,
        ImportedHash = snapshot.ImportedHash,
    };

    /// <summary>An unchanged page recaptured costs next to nothing: identical files become hard links to the previous version's.</summary>
    private void ShareWithPreviousVersion(SnapshotRecord snapshot, string temp)
    {
        var previous = store.Snapshots.ListSnapshots(snapshot.LinkId)
            .FirstOrDefault(s => s.Id != snapshot.Id && s.Folder is not null && s.Status is SnapshotStatus.Done or SnapshotStatus.Partial);
        if (previous is null)
        {
            return;
        }

        try
        {
            var saved = folders.ShareWithEarlier(temp, previous.Folder!);
            if (saved > 0)
            {
                _logger.LogInformation("Snapshot {Id} shares {Bytes} bytes of identical files with snapshot {Previous}", snapshot.Id, saved, previous.Id);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Sharing only saves space: the version keeps its own copies.
            _logger.LogWarning(e, "Snapshot {Id} keeps its own copies of files identical to snapshot {Previous}", snapshot.Id, previous.Id);
        }
    }
}
