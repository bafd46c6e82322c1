using LinkSnap.Api;
using LinkSnap.Cli;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Api;

/// <summary>
/// The set-up the API tests share: one local page server with the class's pages and one daemon, started once
/// for the class's tests and driven through the socket.
/// </summary>
public abstract class DaemonWithPageTestBase
{
    protected FixtureServer Server { get; private set; } = null!;

    protected TestDaemon Daemon { get; private set; } = null!;

    protected DaemonClient Client => Daemon.Client;

    /// <summary>Puts the pages the class's tests capture on <see cref="Server"/>.</summary>
    protected abstract void MapPages(FixtureServer server);

    /// <summary>The daemon's settings, when the class needs other than the defaults.</summary>
    protected virtual TestDaemonOptions? DaemonOptions => null;

    [OneTimeSetUp]
    public async Task StartServerAndDaemonAsync()
    {
        Server = await FixtureServer.StartAsync();
        MapPages(Server);
        Daemon = await TestDaemon.StartAsync(DaemonOptions);
    }

    [OneTimeTearDown]
    public async Task StopServerAndDaemonAsync()
    {
        await Daemon.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>Captures <paramref name="path"/> of the server with <paramref name="tags"/> and waits for the snapshot.</summary>
    protected async Task<long> AddLinkAsync(string path, params string[] tags)
    {
        var (linkId, snapshotId, _) = await Daemon.QueueAsync(new CaptureInput { Url = Server.Url(path).ToString(), Tags = tags });
        await Daemon.WaitForSnapshotAsync(snapshotId);
        return linkId;
    }
}
