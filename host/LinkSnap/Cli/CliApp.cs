using LinkSnap.Core.Paths;

namespace LinkSnap.Cli;

/// <summary>
/// The `linksnap` command line: a thin client of the daemon API over the per-user socket, which
/// starts the daemon when it is not running. Exit codes: 0 ok, 1 capture failed or partial (or
/// another error), 2 usage or refused input, 3 daemon unreachable, 4 not found, 5 queue full.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;
    public const int NotFound = 4;
    public const int QueueFull = 5;

    public const string UsageText = """
        usage: linksnap <command> [options]

          capture URL [--tag T]... [--note N] [--mode fresh|as-seen] [--wait] [--timeout S]
                                 save a page; --wait shows progress and the saved files
          capture URL URL... | capture -   save many pages (arguments or stdin: lines, spaces, commas,
                                 Markdown links); one line per URL; over 20 go to the background queue
          list [--tag T]... [--tag-mode and|or] [--site S] [--status S] [--state S]... [--sort saved|title|site] [--limit N]
                                 --state: read, unread, favorite, archived, unarchived, private (all must hold)
          show ID                a link, its snapshots and their files
          search QUERY...        full-text search (title, URL, tags, note, article), best first
          tags                   tags with how many links carry each
          tag add ID TAG...      add tags to a link
          tag remove ID TAG...   remove tags from a link
          edit ID [--read|--unread] [--favorite|--unfavorite] [--archive|--unarchive] [--private|--public] [--title T] [--note N]
                                 change a link's read-later states, title or note
          open ID                path of the link's latest saved HTML copy
          recapture ID           save a new version of a link
          diff A B               what changed from snapshot A to snapshot B of a link (text, screenshot, metadata)
          watch ID|--tag T --every off|hourly|daily|weekly|monthly
                                 re-capture a link (or every link with a tag) on a schedule; keeps changed versions only
          watch --list           watched links: schedule, next check, last result; watched tags; recent changes
          check [ID...] [--tag T]  is each saved page still there: alive, moved, gone, soft-404 or unknown
          delete ID              delete a link with its snapshots and files
          reindex                rebuild the database from the snapshot folders
          export [--format html|json|csv|zip|wacz] [--tag T]... [--search Q] [--ids 1,2] [--output FILE|-] [--wacz OUT.wacz]
                                 export links (zip: the whole library with its files; wacz: one web archive)
          import FILE [--tag T]... [--folders path|last|none] [--no-capture] [--wait] [--dry-run]
                                 import bookmarks (Netscape HTML, Pocket, Pinboard, wallabag, Chrome...);
                                 a progress line shows links added, captures archived/queued/failed, time left
                                 (--wait: follow until every capture has ended);
                                 a LinkSnap zip export restores into an empty data directory (daemon stopped);
                                 a WACZ (ArchiveWeb.page, Browsertrix, LinkSnap) gives each page an imported version
          verify FILE.wacz       check a web archive: file hashes, WARC digests, index (offline)
          status                 is the daemon running, where are the library and the data
          start | stop           start the daemon in the background / stop it
          open-library           the library URL (with a login token) to open in a browser
          token --rotate         replace the login token; every library session ends
          serve                  run the daemon in the foreground
          install | uninstall | doctor   browser integration and environment checks

        options: --json (machine-readable output on every command), --help
        data directory: $LINKSNAP_HOME, else $XDG_DATA_HOME/linksnap (~/.local/share/linksnap)
        exit codes: 0 ok, 1 capture failed/partial or other error, 2 usage or refused input,
                    3 daemon unreachable, 4 not found, 5 queue full (try again later)
        """;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken) =>
        await RunAsync(args, Console.Out, Console.Error, cancellationToken);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        CliArguments arguments;
        try
        {
            arguments = CliArguments.Parse(args);
        }
        catch (CliUsageException e)
        {
            error.WriteLine($"linksnap: {e.Message}\nRun `linksnap --help` for the commands.");
            return Usage;
        }

        if (arguments.Has("--version"))
        {
            output.WriteLine(Api.StatusEndpoints.Version);
            return Ok;
        }

        if (arguments.Positional.Count == 0 || arguments.Has("--help") || arguments.Positional[0] == "help")
        {
            (arguments.Positional.Count == 0 && !arguments.Has("--help") ? error : output).WriteLine(UsageText);
            return arguments.Positional.Count == 0 && !arguments.Has("--help") ? Usage : Ok;
        }

        if (arguments.Positional[0] == "verify")
        {
            return await VerifyCommand.RunAsync(arguments, output, error, cancellationToken);
        }

        var paths = LinkSnapPaths.FromEnvironment();
        using var client = new DaemonClient(paths.SocketPath);
        var commands = new CliCommands(client, paths, arguments, output, error);
        try
        {
            return await commands.RunAsync(arguments.Positional[0], cancellationToken);
        }
        catch (CliUsageException e)
        {
            error.WriteLine($"linksnap: {e.Message}");
            return Usage;
        }
        catch (DaemonUnreachableException e)
        {
            error.WriteLine($"linksnap: {e.Message}");
            return Unreachable;
        }
        catch (DaemonApiException e)
        {
            error.WriteLine($"linksnap: {e.Message}");
            return e.Status switch
            {
                404 => NotFound,
                400 => Usage,
                429 => QueueFull,
                _ => Failed,
            };
        }
        catch (TimeoutException e)
        {
            error.WriteLine($"linksnap: {e.Message}");
            return Failed;
        }
    }
}
