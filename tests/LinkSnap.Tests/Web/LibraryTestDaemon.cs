using System.Net;
using System.Net.Sockets;
using LinkSnap.Daemon;
using LinkSnap.Testing;
using LinkSnap.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LinkSnap.Tests.Web;

/// <summary>The real daemon, in-process, on ephemeral loopback ports with a temp data directory.</summary>
internal sealed class LibraryTestDaemon : IAsyncDisposable
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

    public Uri LibraryUri => new($"http://127.0.0.1:{Session.LibraryPort}/");

    public Uri SnapshotUri => new($"http://127.0.0.1:{Session.SnapshotPort}/");

    public static async Task<LibraryTestDaemon> StartAsync()
    {
        var home = new TempDirectory();
        Environment.SetEnvironmentVariable("LINKSNAP_HOME", home.Path);
        var app = DaemonHost.Build([$"--LinkSnap:DataDirectory={home.Path}", "--Logging:LogLevel:Default=Warning"]);
        var kestrel = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        kestrel.Listen(IPAddress.Loopback, 0);
        kestrel.ListenUnixSocket(Path.Combine(home.Path, "daemon.sock"));
        await app.StartAsync();
        return new LibraryTestDaemon(app, home);
    }

    /// <summary>A client that talks to the daemon over its Unix socket, as the CLI does.</summary>
    public HttpClient CreateSocketClient()
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://localhost/") };
    }

    /// <summary>Creates a snapshot folder the way the store lays it out, with the given files.</summary>
    public string AddSnapshotFolder(string snapshotId, IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Combine(Home.Path, "snapshots", "2026", "01", snapshotId);
        Directory.CreateDirectory(folder);
        foreach (var (name, content) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), content);
        }

        return folder;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Home.Dispose();
    }
}
