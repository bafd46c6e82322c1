using System.Diagnostics;

namespace LinkSnap.Shared;

/// <summary>
/// Starts `linksnap serve` in the background when no daemon answers: the relay does it on the browser's
/// first message, the CLI on a person's first command. The daemon must outlive its starter (the browser
/// kills the relay's process group when the port closes; a terminal closes), so it runs in its own session
/// (setsid, or nohup where there is none) with none of the starter's file descriptors: the relay's stdin and
/// stdout carry frames. Its output is appended to <see cref="LinkSnapPaths.DaemonLogPath"/>.
/// </summary>
public static class DaemonLauncher
{
    /// <summary>How long a starter waits for the daemon to answer (a cold start opens the database and runs migrations).</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Starts <paramref name="serveCommand"/> (program and arguments) for this data directory; null on success, else why not.</summary>
    public static string? TryStart(IReadOnlyList<string> serveCommand, LinkSnapPaths paths)
    {
        paths.EnsureCreated();
        var start = new ProcessStartInfo { UseShellExecute = false };
        if (OperatingSystem.IsWindows())
        {
            start.FileName = serveCommand[0];
            start.CreateNoWindow = true;
            foreach (var part in serveCommand.Skip(1))
            {
                start.ArgumentList.Add(part);
            }
        }
        else
        {
            // sh does the redirections (so the daemon inherits none of ours) and backgrounds it; umask 077
            // because sh creates the log before the daemon can set its own umask.
            start.FileName = "/bin/sh";
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(
                "umask 077; if [ -n \"$LINKSNAP_SETSID\" ]; then \"$LINKSNAP_SETSID\" \"$@\" </dev/null >>\"$LINKSNAP_DAEMON_LOG\" 2>&1 & " +
                "else nohup \"$@\" </dev/null >>\"$LINKSNAP_DAEMON_LOG\" 2>&1 & fi");
            start.ArgumentList.Add("linksnap-launcher");
            foreach (var part in serveCommand)
            {
                start.ArgumentList.Add(part);
            }

            start.Environment["LINKSNAP_SETSID"] = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists) ?? "";
            start.Environment["LINKSNAP_DAEMON_LOG"] = paths.DaemonLogPath;
            start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = true;
        }

        start.Environment["LINKSNAP_HOME"] = paths.DataDirectory;
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return $"could not start {serveCommand[0]}";
            }

            // sh backgrounds the daemon and exits at once; reap it so no zombie is left.
            process.WaitForExit(5000);
            return null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return $"could not start {serveCommand[0]}: {ex.Message}";
        }
    }

    /// <summary>Asks <paramref name="probe"/> until it gives an answer or <paramref name="timeout"/> has passed; null then.</summary>
    public static async Task<T?> WaitForAsync<T>(Func<CancellationToken, Task<T?>> probe, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (await probe(cancellationToken) is { } answer)
            {
                return answer;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return null;
    }
}
