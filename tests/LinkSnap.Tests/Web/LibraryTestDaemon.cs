using System.Net.Sockets;
using System.Net.Http.Json;
using System.Text.Json;
using LinkSnap.Shared;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Daemon;
using NUnit.Framework;
using LinkSnap.Testing;
using LinkSnap.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LinkSnap.Tests.Web;

/// <summary>The real daemon, in-process, on ephemeral loopback ports with a temp data directory.</summary>
public sealed class LibraryTestDaemon : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LibraryTestDaemon(WebApplication app, TempDirectory home)
    {
        _app = app;
        Home = home;
    }

    public TempDirectory Home { get; }

    public LibrarySession Session => _app.Services.GetRequiredService<LibrarySession>();

    public IServiceProvider Services => _app.Services;

    public string SocketPath => Path.Combine(Home.Path, "daemon.sock");

    /// <summary>The library's own address: http://ls-….localhost:port/ (see LibraryHostName).</summary>
    public Uri LibraryUri => new(Session.LibraryUrl);

    public Uri SnapshotUri => new($"http://127.0.0.1:{Session.SnapshotPort}/");

    public static Task<LibraryTestDaemon> StartAsync(params string[] extraArgs) => StartAsync(null, extraArgs);

    /// <summary>Starts the daemon with some services replaced (e.g. a manual TimeProvider).</summary>
    public static async Task<LibraryTestDaemon> StartAsync(Action<IServiceCollection>? services, params string[] extraArgs)
    {
        var home = new TempDirectory();
        string[] args = [
            $"--Daemon:DataDirectory={home.Path}", "--Daemon:Port=0", "--Capture:AllowPrivateTargets=true",
            "--Logging:LogLevel:Default=Warning", .. extraArgs];
        var app = DaemonHost.Build(args, services);
        await app.StartAsync();
        return new LibraryTestDaemon(app, home);
    }

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
                await socket.ConnectAsync(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }

    /// <summary>A client that talks to the daemon over its Unix socket, as the CLI does.</summary>
    public HttpClient CreateSocketClient() => DaemonSocketHttp.CreateClient(SocketPath, TimeSpan.FromSeconds(100));

    /// <summary>Queues a fresh capture over the socket (as the CLI does) and waits until it has finished.</summary>
    public async Task<(long LinkId, long SnapshotId, JsonElement Snapshot)> CaptureAsync(Uri url, params string[] tags)
    {
        using var client = CreateSocketClient();
        using var response = await client.PostAsJsonAsync("/api/captures", new { url = url.ToString(), tags });
        Assert.That((int)response.StatusCode, Is.EqualTo(202), await response.Content.ReadAsStringAsync());
        var queued = await response.Content.ReadFromJsonAsync<JsonElement>();
        var snapshotId = queued.GetProperty("snapshotId").GetInt64();
        var finished = await WaitForFinishedAsync(client, snapshotId, TimeSpan.FromSeconds(60));
        return (queued.GetProperty("linkId").GetInt64(), snapshotId, finished);
    }

    private static Task<JsonElement> WaitForFinishedAsync(HttpClient client, long snapshotId, TimeSpan bound) =>
        Eventually.ValueAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/snapshots/{snapshotId}"),
            snapshot => snapshot.GetProperty("status").GetString() is "done" or "partial" or "failed",
            bound, snapshot => $"snapshot {snapshotId} to finish (status {snapshot.GetProperty("status").GetString()})");

    /// <summary>Queues several captures at once and waits for all of them; returns (linkId, snapshotId) in order.</summary>
    public async Task<IReadOnlyList<(long LinkId, long SnapshotId)>> CaptureManyAsync(params (Uri Url, string[] Tags)[] pages)
    {
        using var client = CreateSocketClient();
        var queued = new List<(long, long)>();
        foreach (var (url, tags) in pages)
        {
            using var response = await client.PostAsJsonAsync("/api/captures", new { url = url.ToString(), tags });
            Assert.That((int)response.StatusCode, Is.EqualTo(202), await response.Content.ReadAsStringAsync());
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            queued.Add((body.GetProperty("linkId").GetInt64(), body.GetProperty("snapshotId").GetInt64()));
        }

        foreach (var (_, snapshotId) in queued)
        {
            await WaitForFinishedAsync(client, snapshotId, TimeSpan.FromSeconds(120));
        }

        return queued;
    }

    /// <summary>Absolute folder of a finished snapshot.</summary>
    public string FolderOf(long snapshotId)
    {
        var store = _app.Services.GetRequiredService<LinkStore>();
        return _app.Services.GetRequiredService<SnapshotFolders>().Resolve(store.GetSnapshot(snapshotId)!.Folder!);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Home.Dispose();
    }
}
