using System.Net.Http.Json;
using System.Text.Json;
using LinkSnap.Testing.Daemon;

namespace LinkSnap.Bench.Daemon;

/// <summary>
/// A real `linksnap serve` process (the published build under artifacts/bench/linksnap, or another build's)
/// with its own data directory, started by the tests' one fixture (<see cref="TestDaemon"/> in its own-process
/// mode) and talked to over its per-user Unix socket like the CLI and the relay do. Settings are the user's
/// defaults except loopback capture targets, which are allowed by name: the corpora are served on
/// 127.0.0.1, and every other host a page names still goes through the daemon's checks.
/// </summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    /// <summary>On top of <see cref="TestDaemonOptions.Defaults"/>: the bench measures what a user runs.</summary>
    private static readonly IReadOnlyDictionary<string, string> BenchSettings = new Dictionary<string, string>
    {
        ["Capture:AllowPrivateTargets"] = "false",
        ["Capture:AllowedPrivateHosts:0"] = "127.0.0.1",
        ["Logging:LogLevel:Default"] = "Information",
    };

    private readonly TestDaemon _daemon;

    private DaemonProcess(TestDaemon daemon)
    {
        _daemon = daemon;
        Client = daemon.CreateSocketClient();
    }

    public int ProcessId => _daemon.Pid;
    public string DataDirectory => _daemon.DataDirectory;

    /// <summary>A plain HttpClient over the daemon's socket: the bench times raw requests.</summary>
    public HttpClient Client { get; }

    /// <summary>The published daemon, or null with the reason when scripts/bench did not build it.</summary>
    public static string? FindExecutable(out string reason) =>
        FindExecutable(Environment.GetEnvironmentVariable("LINKSNAP_BENCH_ARTIFACTS"), out reason);

    /// <summary>The daemon published under <paramref name="artifacts"/> (scripts/bench's layout).</summary>
    public static string? FindExecutable(string? artifacts, out string reason)
    {
        var dll = artifacts is null ? null : Path.Combine(artifacts, "linksnap", "linksnap.dll");
        reason = dll is not null && File.Exists(dll) ? "" : "the daemon is not built (run the benchmark through scripts/bench)";
        return dll is not null && File.Exists(dll) ? dll : null;
    }

    /// <param name="extraArgs">Settings in command-line form ("--Background:HostGap=00:00:00").</param>
    public static async Task<DaemonProcess> StartAsync(string dll, string dataDirectory, IEnumerable<string> extraArgs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(dataDirectory);
        var settings = new Dictionary<string, string>(BenchSettings);
        foreach (var (key, value) in TestDaemonOptions.FromArguments(extraArgs))
        {
            settings[key] = value;
        }

        // A first start on a seeded library writes its journal (links.jsonl) before answering: minutes under load.
        var options = TestDaemonOptions.OwnProcess(dataDirectory, settings) with { Executable = dll, StartBound = TimeSpan.FromMinutes(5) };
        return new DaemonProcess(await TestDaemon.StartAsync(options));
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken) =>
        await Client.GetFromJsonAsync<JsonElement>(path, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        var log = _daemon.Log;
        await _daemon.DisposeAsync();

        // Kept beside the data for inspection (the fixture holds a child's output in memory).
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "bench-daemon.log"), log);
    }
}
