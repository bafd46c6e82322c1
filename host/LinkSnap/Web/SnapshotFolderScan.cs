using LinkSnap.Core.Paths;

namespace LinkSnap.Web;

/// <summary>
/// Finds a snapshot folder on disk by its id in the `snapshots/&lt;yyyy&gt;/&lt;mm&gt;/&lt;id&gt;` layout.
/// Checks one candidate per month folder, so it stays cheap with many snapshots.
/// </summary>
public sealed class SnapshotFolderScan(LinkSnapPaths paths) : ISnapshotFolderSource
{
    public Task<string?> FindFolderAsync(string snapshotId, CancellationToken cancellationToken)
    {
        if (!SafeFilePath.IsPlainFileName(snapshotId) || !Directory.Exists(paths.SnapshotsDirectory))
        {
            return Task.FromResult<string?>(null);
        }

        var direct = Path.Combine(paths.SnapshotsDirectory, snapshotId);
        if (Directory.Exists(direct))
        {
            return Task.FromResult<string?>(direct);
        }

        foreach (var year in Directory.EnumerateDirectories(paths.SnapshotsDirectory))
        {
            foreach (var month in Directory.EnumerateDirectories(year))
            {
                var candidate = Path.Combine(month, snapshotId);
                if (Directory.Exists(candidate))
                {
                    return Task.FromResult<string?>(candidate);
                }
            }
        }

        return Task.FromResult<string?>(null);
    }
}
