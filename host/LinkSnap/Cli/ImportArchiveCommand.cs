using System.Text.Json;
using LinkSnap.Core.Export;
using LinkSnap.Core.Paths;

namespace LinkSnap.Cli;

/// <summary>
/// `linksnap import ARCHIVE.zip`: restores a full-library archive (`linksnap export --format zip`)
/// into this data directory, which must be empty. It writes the database and the folders itself, so
/// the daemon must not be running on the same directory; bookmark files go to the importer instead.
/// </summary>
public sealed class ImportArchiveCommand(DaemonClient client, LinkSnapPaths paths, CliArguments args, TextWriter output)
{
    /// <summary>
    /// True when the file named on the command line is a LinkSnap archive, or a zip too damaged to
    /// tell (which the restorer then explains); judged by content, not by the file name.
    /// </summary>
    public static bool Handles(CliArguments args) =>
        args.Positional.Count == 2 && File.Exists(args.Positional[1])
        && (ArchiveRestorer.IsArchive(args.Positional[1]) || ArchiveRestorer.IsDamagedZip(args.Positional[1]));

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var archive = Path.GetFullPath(args.Positional[1]);
        if (await client.IsRunningAsync(cancellationToken))
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

        if (args.Has("--json"))
        {
            CliOutput.WriteJson(output, JsonSerializer.SerializeToElement(new { archive, links = result.Links, snapshots = result.Snapshots, files = result.Files, dataDirectory = paths.DataDirectory }));
        }
        else
        {
            output.WriteLine($"Restored {result.Links} links with {result.Snapshots} snapshots ({result.Files} files) from {archive} into {paths.DataDirectory}.");
        }

        return CliApp.Ok;
    }
}
