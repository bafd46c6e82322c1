using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LinkSnap.Api;
using LinkSnap.Cli;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Daemon;
using LinkSnap.Shared;
using LinkSnap.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace LinkSnap.Testing.Daemon;

/// <summary>
/// The one way tests (and the bench) start a daemon: the real daemon on its own data directory and an
/// ephemeral port, reached over its real Unix socket with the CLI's <see cref="DaemonClient"/>, with
/// typed helpers that read the API's own reply types. In-process by default; a child process where a
/// test needs a real process (see <see cref="DaemonHosting"/>).
/// </summary>
public sealed class TestDaemon : IAsyncDisposable
{
    private readonly WebApplication? _app;
    private readonly Process? _process;
    private readonly TempDirectory? _ownedDirectory;
    private readonly StringBuilder _log = new();
    private readonly HashSet<int> _children = [];

    private TestDaemon(string dataDirectory, TempDirectory? ownedDirectory, WebApplication? app, Process? process)
    {
        _ownedDirectory = ownedDirectory;
        _app = app;
        _process = process;
        Paths = new LinkSnapPaths(dataDirectory);
        Client = new DaemonClient(Paths.SocketPath, TimeSpan.FromSeconds(60));
    }

    public LinkSnapPaths Paths { get; }

    public string DataDirectory => Paths.DataDirectory;

    /// <summary>The CLI's client of the daemon API: raw requests (error answers, uploads) and typed ones (GetAsync&lt;T&gt;).</summary>
    public DaemonClient Client { get; }

    /// <summary>The daemon's services (InProcess only): the store, a replaced clock.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("a daemon in its own process has no services to read; use DaemonHosting.InProcess");

    public LibrarySession Session => Services.GetRequiredService<LibrarySession>();

    /// <summary>The library's own address: http://ls-….localhost:port/ (see LibraryHostName).</summary>
    public Uri LibraryUri => new(Session.LibraryUrl);

    public Uri SnapshotUri => new($"http://127.0.0.1:{Session.SnapshotPort}/");

    /// <summary>The daemon's process id (Process only).</summary>
    public int Pid => _process?.Id ?? throw new InvalidOperationException("an in-process daemon has no process of its own");

    /// <summary>What a daemon in its own process wrote to stdout and stderr (empty in-process).</summary>
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

    public static Task<TestDaemon> StartAsync(Action<IServiceCollection> services) => StartAsync(new TestDaemonOptions { Services = services });

    public static async Task<TestDaemon> StartAsync(TestDaemonOptions? options = null)
    {
        options ??= new TestDaemonOptions();
        var owned = options.DataDirectory is null ? new TempDirectory() : null;
        var dataDirectory = options.DataDirectory ?? owned!.Path;
        var settings = new Dictionary<string, string>(TestDaemonOptions.Defaults);
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        if (options.Hosting == DaemonHosting.InProcess)
        {
            if (options.Executable is not null)
            {
                throw new ArgumentException("an executable runs in its own process: use DaemonHosting.Process", nameof(options));
            }

            var clock = Stopwatch.StartNew();
            var app = DaemonHost.Build([$"--Daemon:DataDirectory={dataDirectory}", .. settings.Select(s => $"--{s.Key}={s.Value}")], options.Services);
            await app.StartAsync();
            TestContext.Out.WriteLine($"test daemon in-process on {dataDirectory}: started in {clock.Elapsed.TotalSeconds:0.00} s");
            return new TestDaemon(dataDirectory, owned, app, null);
        }

        if (options.Services is not null)
        {
            throw new ArgumentException("services can be replaced only in-process: use DaemonHosting.InProcess", nameof(options));
        }

        var info = LinkSnapCli.StartInfo(options.Executable ?? LinkSnapCli.DllPath, ["serve"]);
        info.Environment["LINKSNAP_HOME"] = dataDirectory;
        foreach (var (key, value) in settings)
        {
            info.Environment["LINKSNAP_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var started = Stopwatch.StartNew();
        var daemon = new TestDaemon(dataDirectory, owned, null, Process.Start(info)!);
        await daemon.WaitForProcessToAnswerAsync(options.StartBound);
        TestContext.Out.WriteLine($"test daemon as process {daemon.Pid} on {dataDirectory}: answering after {started.Elapsed.TotalSeconds:0.00} s");
        return daemon;
    }

    private async Task WaitForProcessToAnswerAsync(TimeSpan bound)
    {
        var process = _process!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool? answering;
        try
        {
            answering = await Eventually.ValueAsync(
                async () => process.HasExited ? (bool?)null : await Client.IsRunningAsync(CancellationToken.None),
                up => up is not false,
                bound,
                _ => $"linksnap serve to answer on {Paths.SocketPath}\n{Log}");
        }
        catch
        {
            // A daemon too slow to answer is stopped, not left running after the failure.
            await DisposeAsync();
            throw;
        }

        if (answering is null)
        {
            await DisposeAsync();
            Assert.Fail($"linksnap serve exited with {process.ExitCode} before it answered:\n{Log}");
        }
    }

    /// <summary>Queues a capture (POST /api/captures) and returns the accepted reply; does not wait.</summary>
    public Task<CaptureAcceptedDto> QueueAsync(CaptureInput input) =>
        Client.SendAsync<CaptureAcceptedDto>(HttpMethod.Post, "/api/captures", input, CancellationToken.None);

    /// <summary>Queues a fresh capture of <paramref name="url"/> and waits until it has finished (done, partial or failed).</summary>
    public async Task<SavedCapture> CaptureAsync(Uri url, params string[] tags)
    {
        var accepted = await QueueAsync(new CaptureInput { Url = url.AbsoluteUri, Tags = tags });
        return new SavedCapture(accepted.LinkId, accepted.SnapshotId, await WaitForSnapshotAsync(accepted.SnapshotId));
    }

    /// <summary>Queues several captures at once, then waits for all of them; in the given order.</summary>
    public async Task<IReadOnlyList<SavedCapture>> CaptureManyAsync(params (Uri Url, string[] Tags)[] pages)
    {
        var accepted = new List<CaptureAcceptedDto>();
        foreach (var (url, tags) in pages)
        {
            accepted.Add(await QueueAsync(new CaptureInput { Url = url.AbsoluteUri, Tags = tags }));
        }

        var saved = new List<SavedCapture>();
        foreach (var a in accepted)
        {
            saved.Add(new SavedCapture(a.LinkId, a.SnapshotId, await WaitForSnapshotAsync(a.SnapshotId, TimeSpan.FromSeconds(120))));
        }

        return saved;
    }

    public Task<SnapshotDto> GetSnapshotAsync(long snapshotId) =>
        Client.GetAsync<SnapshotDto>($"/api/snapshots/{snapshotId}", CancellationToken.None);

    public Task<LinkDto> GetLinkAsync(long linkId) =>
        Client.GetAsync<LinkDto>($"/api/links/{linkId}", CancellationToken.None);

    public Task<LookupDto> LookupAsync(string url) =>
        Client.GetAsync<LookupDto>("/api/lookup?url=" + Uri.EscapeDataString(url), CancellationToken.None);

    /// <summary>Polls a snapshot (bounded) until it is done, partial or failed; a timeout names the last status and the daemon's log.</summary>
    public async Task<SnapshotDto> WaitForSnapshotAsync(long snapshotId, TimeSpan? bound = null)
    {
        var snapshot = await Eventually.ValueAsync(
            () => GetSnapshotAsync(snapshotId),
            s => s.Status is SnapshotStatus.Done or SnapshotStatus.Partial or SnapshotStatus.Failed,
            bound ?? TimeSpan.FromSeconds(120),
            s => $"snapshot {snapshotId} to finish; it was {s.Status} at {s.Stage}\n{Log}");
        TestContext.Out.WriteLine($"snapshot {snapshotId}: {snapshot.Status} {snapshot.Reason}");
        return snapshot;
    }

    /// <summary>Polls until the daemon has <paramref name="url"/> saved with a finished snapshot (bounded).</summary>
    public async Task<(LinkDto Link, SnapshotDto Snapshot)> WaitForSavedAsync(string url, TimeSpan? bound = null)
    {
        var saved = await Eventually.ValueAsync(
            async () =>
            {
                var lookup = await LookupAsync(url);
                if (lookup is not { Saved: true, LinkId: { } linkId })
                {
                    return ((LinkDto, SnapshotDto)?)null;
                }

                var link = await GetLinkAsync(linkId);
                if (link.Snapshots is not [var latest, ..])
                {
                    return null;
                }

                var snapshot = await GetSnapshotAsync(latest.Id);
                return snapshot.Status is SnapshotStatus.Done or SnapshotStatus.Partial or SnapshotStatus.Failed ? (link, snapshot) : null;
            },
            found => found is not null,
            bound ?? TimeSpan.FromSeconds(90),
            _ => $"{url} to be saved\n{Log}");
        return saved!.Value;
    }

    /// <summary>A plain HttpClient over the daemon's Unix socket, as the CLI connects, for tests of raw HTTP answers.</summary>
    public HttpClient CreateSocketClient() => DaemonSocketHttp.CreateClient(Paths.SocketPath, TimeSpan.FromSeconds(100));

    /// <summary>
    /// A plain HTTP client (no cookies, no redirects) that connects to 127.0.0.1 whatever the host name
    /// says, as a browser does for *.localhost names; the Host header stays the URL's.
    /// </summary>
    public static HttpClient LoopbackClient(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }

    /// <summary>Absolute folder of a finished snapshot (InProcess: read from the store).</summary>
    public string FolderOf(long snapshotId)
    {
        var store = Services.GetRequiredService<LinkStore>();
        return Services.GetRequiredService<SnapshotFolders>().Resolve(store.Snapshots.GetSnapshot(snapshotId)!.Folder!);
    }

    /// <summary>Runs one `linksnap` command line in this process against this daemon, output captured.</summary>
    public Task<CliRun> RunCliAsync(params string[] args) => InProcessCli.RunAsync(Paths, Client, null, args);

    /// <summary>As <see cref="RunCliAsync"/>, with <paramref name="input"/> as the command's stdin.</summary>
    public Task<CliRun> RunCliWithInputAsync(string? input, params string[] args) => InProcessCli.RunAsync(Paths, Client, input, args);

    /// <summary>SIGKILL (Process only): the daemon gets no chance to clean up, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException("only a daemon in its own process can be killed");
        RememberChildren();
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    /// <summary>An orderly stop (SIGTERM), bounded; unlike DisposeAsync it leaves whatever the daemon left running, for the test to see.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            await _app!.StopAsync();
            return;
        }

        NativeSignals.Terminate(_process.Id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    private void RememberChildren()
    {
        foreach (var child in ChildProcesses.Descendants(_process!.Id))
        {
            _children.Add(child);
        }
    }

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
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                RememberChildren();
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
            ChildProcesses.KillAll(_children);
            _process.Dispose();
        }

        _ownedDirectory?.Dispose();
    }
}

/// <summary>A capture that has finished: its link, its snapshot id and the snapshot's detail.</summary>
public sealed record SavedCapture(long LinkId, long SnapshotId, SnapshotDto Snapshot);
