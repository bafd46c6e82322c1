using System.Globalization;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;

namespace LinkSnap.Web;

/// <summary>Finds a snapshot's folder through the store (the folder it recorded when the capture was written).</summary>
public sealed class StoreSnapshotFolderSource(LinkStore store, SnapshotFolders folders) : ISnapshotFolderSource
{
    public Task<string?> FindFolderAsync(string snapshotId, CancellationToken cancellationToken)
    {
        if (!long.TryParse(snapshotId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Task.FromResult<string?>(null);
        }

        var snapshot = store.GetSnapshot(id);
        if (snapshot?.Folder is null)
        {
            return Task.FromResult<string?>(null);
        }

        try
        {
            var folder = folders.Resolve(snapshot.Folder);
            return Task.FromResult(Directory.Exists(folder) ? folder : null);
        }
        catch (UnauthorizedAccessException)
        {
            return Task.FromResult<string?>(null);
        }
    }
}
