using LinkSnap.Core.Export;

namespace LinkSnap.Cli.Commands;

/// <summary>
/// `linksnap import ARCHIVE.zip`: restores a full-library archive (`linksnap export --format zip`)
/// into this data directory, which must be empty. It writes the database and the folders itself, so
/// the daemon must not be running on the same directory; bookmark files go to the importer instead.
/// </summary>
public static class ImportArchiveCommand
{
    public static async Task<int> RunAsync(CliSession session, string file, bool json, CancellationToken cancellationToken)
    {
        var archive = Path.GetFullPath(file);
        var paths = session.Paths;
        if (await session.Client.IsRunningAsync(cancellationToken))
        {
            throw new CliUsageException(
                $"The daemon is running on {paths.DataDirectory}; a restore writes the database itself. Stop it (`linksnap stop`), run the import, then `linksnap start`.");
        }

        ArchiveRestoreResult result;
        try
        {
            result = new ArchiveRestorer(paths).Restore(archive);
        }
        catch (ArchiveRestoreException e)
        {
            throw new CliUsageException(e.Message);
        }

        session.Write(json, new { archive, links = result.Links, snapshots = result.Snapshots, files = result.Files, dataDirectory = paths.DataDirectory },
            () => session.Output.WriteLine($"Restored {result.Links} links with {result.Snapshots} snapshots ({result.Files} files) from {archive} into {paths.DataDirectory}."));
        return CliApp.Ok;
    }
}
