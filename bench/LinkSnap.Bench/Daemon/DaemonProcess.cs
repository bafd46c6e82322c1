using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using LinkSnap.Shared;

namespace LinkSnap.Bench.Daemon;

/// <summary>
/// A real `linksnap serve` process (the published build under artifacts/bench/linksnap) with its own
/// data directory, talked to over its per-user Unix socket like the CLI and the relay do. Loopback
/// capture targets are allowed: the corpora are served on 127.0.0.1.
/// </summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    private readonly Process _process;

    private DaemonProcess(Process process, string dataDirectory, HttpClient client)
    {
        _process = process;
        DataDirectory = dataDirectory;
        Client = client;
    }

    public int ProcessId => _process.Id;
    public string DataDirectory { get; }
    public HttpClient Client { get; }
    public string SocketPath => Path.Combine(DataDirectory, "daemon.sock");

    /// <summary>The published daemon, or null with the reason when scripts/bench did not build it.</summary>
    public static string? FindExecutable(out string reason)
    {
        var artifacts = Environment.GetEnvironmentVariable("LINKSNAP_BENCH_ARTIFACTS");
        var dll = artifacts is null ? null : Path.Combine(artifacts, "linksnap", "linksnap.dll");
        reason = dll is not null && File.Exists(dll) ? "" : "the daemon is not built (run the benchmark through scripts/bench)";
        return dll is not null && File.Exists(dll) ? dll : null;
    }

    public static async Task<DaemonProcess> StartAsync(string dll, string dataDirectory, IEnumerable<string> extraArgs, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { dll, "serve", "--Daemon:DataDirectory=" + dataDirectory, "--Daemon:Port=0", "--Capture:AllowedPrivateHosts:0=127.0.0.1" }.Concat(extraArgs))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["LINKSNAP_HOME"] = dataDirectory;
        var process = Process.Start(start)!;
        var log = Path.Combine(dataDirectory, "bench-daemon.log");
        _ = PumpAsync(process.StandardOutput, log);
        _ = PumpAsync(process.StandardError, log);

        var socket = Path.Combine(dataDirectory, "daemon.sock");
        var client = CreateClient(socket);
        var daemon = new DaemonProcess(process, dataDirectory, client);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"linksnap serve exited with {process.ExitCode}; see {log}");
            }

            if (File.Exists(socket))
            {
                try
                {
                    using var response = await client.GetAsync("/api/status", cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        return daemon;
                    }
                }
                catch (HttpRequestException)
                {
                    // Socket file present before Kestrel accepts: try again.
                }
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                await daemon.DisposeAsync();
                throw new TimeoutException($"linksnap serve did not answer on {socket} within 60 s; see {log}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public static HttpClient CreateClient(string socketPath) => DaemonSocketHttp.CreateClient(socketPath, TimeSpan.FromSeconds(60));

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken) =>
        await Client.GetFromJsonAsync<JsonElement>(path, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            // SIGTERM first (graceful: it owns SQLite and a Chromium), then the whole tree.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
            {
                await term.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private static async Task PumpAsync(StreamReader reader, string log)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            await File.AppendAllTextAsync(log, line + "\n");
        }
    }
}
