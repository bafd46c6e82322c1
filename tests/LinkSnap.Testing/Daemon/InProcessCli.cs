using LinkSnap.Cli;
using LinkSnap.Shared;
using NUnit.Framework;

namespace LinkSnap.Testing.Daemon;

/// <summary>
/// One `linksnap` command line run in this process: the real System.CommandLine parser and commands,
/// stdout and stderr captured. Against a running daemon use <see cref="TestDaemon.RunCliAsync"/>.
/// </summary>
public static class InProcessCli
{
    /// <summary>Runs against the daemon answering on <paramref name="client"/>, with <paramref name="input"/> as stdin.</summary>
    public static async Task<CliRun> RunAsync(LinkSnapPaths paths, DaemonClient client, string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stdin = new StringReader(input ?? "");
        var exit = await CliApp.RunAsync(args, new CliSession(paths, client, output, error, stdin), CancellationToken.None);
        var run = new CliRun(exit, output.ToString(), error.ToString());
        TestContext.Out.WriteLine($"$ linksnap {string.Join(' ', args)} -> {run.ExitCode}\n{run.Output}{run.Error}");
        return run;
    }

    /// <summary>Runs a command that needs no daemon (help, parse errors, verify) against an empty data directory.</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var paths = new LinkSnapPaths(Path.Combine(Path.GetTempPath(), "linksnap-no-daemon-" + Guid.NewGuid().ToString("N")));
        using var client = new DaemonClient(paths.SocketPath);
        return await RunAsync(paths, client, null, args);
    }
}
