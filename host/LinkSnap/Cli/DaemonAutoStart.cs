using LinkSnap.Shared;

namespace LinkSnap.Cli;

/// <summary>
/// The CLI's side of starting the daemon when none answers: this same program with "serve", started by
/// the one launcher the relay uses too (<see cref="Shared.DaemonLauncher"/>), waited for (bounded) on the socket.
/// </summary>
public static class DaemonAutoStart
{
    public static async Task EnsureRunningAsync(LinkSnapPaths paths, DaemonClient client, TextWriter log, CancellationToken cancellationToken)
    {
        if (await client.IsRunningAsync(cancellationToken))
        {
            return;
        }

        log.WriteLine($"Starting the LinkSnap daemon (log: {paths.DaemonLogPath}) ...");
        if (Shared.DaemonLauncher.TryStart(ServeCommand(), paths) is { } problem)
        {
            throw new DaemonUnreachableException(paths.SocketPath, problem);
        }

        var timeout = Shared.DaemonLauncher.StartTimeout;
        var started = await Shared.DaemonLauncher.WaitForAsync(async c => await client.IsRunningAsync(c) ? client : null, timeout, cancellationToken);
        if (started is null)
        {
            throw new DaemonUnreachableException(paths.SocketPath, $"it did not start within {timeout.TotalSeconds:0} s; see {paths.DaemonLogPath}:{Environment.NewLine}{Tail(paths.DaemonLogPath)}");
        }
    }

    /// <summary>The command that runs this same program as "linksnap serve" (apphost, or dotnet + dll).</summary>
    public static IReadOnlyList<string> ServeCommand()
    {
        var process = Environment.ProcessPath ?? "linksnap";
        var isDotnetHost = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isDotnetHost ? [process, typeof(DaemonAutoStart).Assembly.Location, "serve"] : [process, "serve"];
    }

    private static string Tail(string file)
    {
        try
        {
            return string.Join(Environment.NewLine, File.ReadLines(file).TakeLast(15));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }
}
