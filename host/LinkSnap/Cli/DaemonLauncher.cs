using System.Diagnostics;
using LinkSnap.Shared;

namespace LinkSnap.Cli;

/// <summary>
/// Starts the daemon in the background when no daemon answers: the same executable with "serve",
/// in its own session (so closing the terminal or the browser does not kill it), output appended
/// to &lt;data&gt;/logs/daemon.log. Waits, bounded, until it answers on the socket.
/// </summary>
public static class DaemonLauncher
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    public static async Task EnsureRunningAsync(LinkSnapPaths paths, DaemonClient client, TextWriter log, CancellationToken cancellationToken)
    {
        if (await client.IsRunningAsync(cancellationToken))
        {
            return;
        }

        paths.EnsureCreated();
        var logFile = Path.Combine(paths.LogsDirectory, "daemon.log");
        log.WriteLine($"Starting the LinkSnap daemon (log: {logFile}) ...");
        using var process = Process.Start(StartInfo(paths, logFile)) ?? throw new InvalidOperationException("could not start the daemon process");
        await process.WaitForExitAsync(cancellationToken); // the shell returns at once; the daemon runs on

        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await client.IsRunningAsync(cancellationToken))
            {
                return;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new DaemonUnreachableException(paths.SocketPath, $"it did not start within {StartTimeout.TotalSeconds:0} s; see {logFile}:{Environment.NewLine}{Tail(logFile)}");
    }

    /// <summary>The command that runs this same program as "linksnap serve" (apphost, or dotnet + dll).</summary>
    public static IReadOnlyList<string> ServeCommand()
    {
        var process = Environment.ProcessPath ?? "linksnap";
        var isDotnetHost = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isDotnetHost ? [process, typeof(DaemonLauncher).Assembly.Location, "serve"] : [process, "serve"];
    }

    private static ProcessStartInfo StartInfo(LinkSnapPaths paths, string logFile)
    {
        // sh puts the daemon in the background and exits; setsid gives it its own session and
        // process group. No file descriptor of ours is inherited: stdin/stdout/stderr are redirected.
        var setsid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        // umask 077: the shell creates the daemon's log before the daemon can set its own umask.
        info.ArgumentList.Add("umask 077; " + (setsid is null ? "" : "exec \"$LINKSNAP_SETSID\" ") + "\"$@\" </dev/null >>\"$LINKSNAP_DAEMON_LOG\" 2>&1 &");
        info.ArgumentList.Add("linksnap-launcher");
        foreach (var part in ServeCommand())
        {
            info.ArgumentList.Add(part);
        }

        info.Environment["LINKSNAP_DAEMON_LOG"] = logFile;
        info.Environment["LINKSNAP_SETSID"] = setsid ?? "";
        info.Environment["LINKSNAP_HOME"] = paths.DataDirectory;
        return info;
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
