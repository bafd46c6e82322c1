namespace LinkSnap.Web;

/// <summary>Finds the folder that holds a snapshot's files; null when the snapshot is unknown.</summary>
public interface ISnapshotFolderSource
{
    Task<string?> FindFolderAsync(string snapshotId, CancellationToken cancellationToken);
}
