using System.Text.Json;
using LinkSnap.Cli;
using LinkSnap.Shared;
using LinkSnap.Daemon;
using LinkSnap.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace LinkSnap.Tests.Daemon;

/// <summary>
/// The real daemon (DaemonHost.Build) started in-process on a temp data directory and an
/// ephemeral port, reached through its real Unix socket with the CLI's DaemonClient.
/// </summary>
public sealed class InProcessDaemon : IAsyncDisposable
{
    private InProcessDaemon(WebApplication app, TempDirectory temp, LinkSnapPaths paths)
    {
        App = app;
        Temp = temp;
        Paths = paths;
        Client = new DaemonClient(paths.SocketPath, TimeSpan.FromSeconds(60));
    }

    public WebApplication App { get; }
    public TempDirectory Temp { get; }
    public LinkSnapPaths Paths { get; }
    public DaemonClient Client { get; }

    public static async Task<InProcessDaemon> StartAsync(IEnumerable<string>? extraArgs = null, Action<IServiceCollection>? configureServices = null)
    {
        var temp = new TempDirectory();
        string[] args =
        [
            $"--Daemon:DataDirectory={temp.Path}",
            "--Daemon:Port=0",
            "--Capture:AllowPrivateTargets=true",
            "--Capture:SettleTimeout=00:00:08",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs ?? [],
        ];
        var app = DaemonHost.Build(args, configureServices);
        await app.StartAsync();
        return new InProcessDaemon(app, temp, new LinkSnapPaths(temp.Path));
    }

    /// <summary>Polls a snapshot until it is finished (bounded), and returns its detail.</summary>
    public async Task<JsonElement> WaitForSnapshotAsync(long snapshotId, TimeSpan? timeout = null)
    {
        var limit = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var snapshot = await Client.GetAsync($"/api/snapshots/{snapshotId}", CancellationToken.None);
            if (snapshot.GetProperty("status").GetString() is "done" or "partial" or "failed")
            {
                TestContext.Out.WriteLine($"snapshot {snapshotId}: {snapshot.GetProperty("status")} {snapshot.GetProperty("reason")}");
                return snapshot;
            }

            if (DateTime.UtcNow > limit)
            {
                Assert.Fail($"snapshot {snapshotId} did not finish in time: {snapshot}");
            }

            await Task.Delay(100);
        }
    }

    public async Task<(long LinkId, long SnapshotId)> CaptureAsync(object body)
    {
        var accepted = await Client.PostAsync("/api/captures", body, CancellationToken.None);
        return (accepted.GetProperty("linkId").GetInt64(), accepted.GetProperty("snapshotId").GetInt64());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Temp.Dispose();
    }
}
