using System.Diagnostics;
using LinkSnap.Shared;

namespace LinkSnap.Relay.Daemon;

/// <summary>
/// Starts `linksnap serve` when no daemon answers. The daemon must outlive the relay: the browser
/// kills the host and its process group when the port closes, so it is started in a new session
/// (setsid) with no handle on our stdin/stdout (which carry frames).
/// </summary>
internal sealed class DaemonLauncher
{
    private readonly RelayOptions _options;
    private readonly LinkSnapPaths _paths;
    private readonly RelayLog _log;

    public DaemonLauncher(RelayOptions options, LinkSnapPaths paths, RelayLog log)
    {
        _options = options;
        _paths = paths;
        _log = log;
    }

    /// <summary>Starts the daemon; returns null on success or why it could not be started.</summary>
    public string? TryStart()
    {
        if (!_options.StartDaemon)
        {
            return "the daemon is not running (starting it is disabled by LINKSNAP_RELAY_NO_START)";
        }

        var exe = _options.DaemonExecutable;
        if (!File.Exists(exe))
        {
            return $"the daemon is not running and {exe} was not found (set LINKSNAP_EXE or run `linksnap install` again)";
        }

        Directory.CreateDirectory(_paths.LogsDirectory);
        var daemonLog = Path.Combine(_paths.LogsDirectory, "daemon-start.log");
        var start = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        if (OperatingSystem.IsWindows())
        {
            start.FileName = exe;
            start.ArgumentList.Add("serve");
            start.CreateNoWindow = true;
        }
        else
        {
            // sh does the redirections so the daemon never inherits the frame pipes; setsid (Linux) or
            // nohup (macOS has no setsid) takes it out of the browser's process group.
            start.FileName = "/bin/sh";
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(
                "if command -v setsid >/dev/null 2>&1; then exec setsid \"$0\" serve </dev/null >>\"$1\" 2>&1 & " +
                "else nohup \"$0\" serve </dev/null >>\"$1\" 2>&1 & fi");
            start.ArgumentList.Add(exe);
            start.ArgumentList.Add(daemonLog);
            start.RedirectStandardInput = true;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return $"could not start {exe}";
            }

            // sh backgrounds the daemon and exits at once; reap it so no zombie is left.
            process.WaitForExit(5000);
            _log.Write($"started daemon {exe} serve (output in {daemonLog})");
            return null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return $"could not start {exe}: {ex.Message}";
        }
    }
}
