using LinkSnap.Cli;
using LinkSnap.Shared;

using LinkSnap.Tests.Daemon;

namespace LinkSnap.Tests.Cli;

/// <summary>One `linksnap` command line run in this process (the real parser and commands), with what it wrote.</summary>
public static class InProcessCli
{
    /// <summary>Runs against a daemon already answering on <paramref name="client"/> (an in-process daemon).</summary>
    public static async Task<CliRun> RunAsync(LinkSnapPaths paths, DaemonClient client, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliSession(paths, client, output, error, TextReader.Null), CancellationToken.None);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs a command that needs no daemon (help, parse errors, verify) against an empty data directory.</summary>
    public static Task<CliRun> RunAsync(params string[] args)
    {
        var paths = new LinkSnapPaths(Path.Combine(Path.GetTempPath(), "linksnap-no-daemon-" + Guid.NewGuid().ToString("N")));
        using var client = new DaemonClient(paths.SocketPath);
        return RunAsync(paths, client, args);
    }
}
