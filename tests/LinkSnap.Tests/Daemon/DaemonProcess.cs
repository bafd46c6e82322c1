using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LinkSnap.Cli;
using LinkSnap.Shared;
using LinkSnap.Testing;

namespace LinkSnap.Tests.Daemon;

/// <summary>`linksnap serve` as a real child process, for tests that kill it.</summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly HashSet<int> _children = [];

    private DaemonProcess(Process process, LinkSnapPaths paths)
    {
        _process = process;
        Paths = paths;
        Client = new DaemonClient(paths.SocketPath, TimeSpan.FromSeconds(60));
    }

    public LinkSnapPaths Paths { get; }
    public DaemonClient Client { get; }
    public int Pid => _process.Id;
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<DaemonProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var process = Process.Start(LinkSnapProcess.StartInfo(dataDirectory, ["serve"], environment))!;
        var daemon = new DaemonProcess(process, new LinkSnapPaths(dataDirectory));
        process.OutputDataReceived += (_, e) => daemon.Append(e.Data);
        process.ErrorDataReceived += (_, e) => daemon.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await daemon.Client.IsRunningAsync(CancellationToken.None))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"the daemon did not start (exit {(process.HasExited ? process.ExitCode : "-")}):\n{daemon.Log}");
            }

            await Task.Delay(100);
        }

        return daemon;
    }

    /// <summary>SIGKILL: the daemon gets no chance to clean up, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        foreach (var child in LinkSnapProcess.Descendants(_process.Id))
        {
            _children.Add(child);
        }

        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>An orderly stop (SIGTERM), bounded; unlike DisposeAsync it leaves whatever the daemon left running, for the test to see.</summary>
    public async Task StopAsync()
    {
        NativeSignals.Terminate(_process.Id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Polls the snapshot until it is done, partial or failed (bounded; fails the test with the daemon's log).</summary>
    public Task<JsonElement> WaitForFinishedAsync(long id, int seconds = 120) =>
        Eventually.ValueAsync(
            () => Client.GetAsync($"/api/snapshots/{id}", CancellationToken.None),
            s => s.GetProperty("status").GetString() is "done" or "partial" or "failed",
            TimeSpan.FromSeconds(seconds),
            s => $"snapshot {id} to finish; it was {s}\n{Log}");

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            foreach (var child in LinkSnapProcess.Descendants(_process.Id))
            {
                _children.Add(child);
            }

            NativeSignals.Terminate(_process.Id);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        // Whatever a killed daemon left running (its browser) goes too.
        LinkSnapProcess.KillAll(_children);
        _process.Dispose();
    }
}
