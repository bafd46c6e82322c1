using LinkSnap.Daemon;
using LinkSnap.Shared;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Cli;

/// <summary>
/// The CLI as a person runs it, for what only a process shows: a real `linksnap` process against a
/// temp LINKSNAP_HOME, its exit codes, and the daemon it starts itself (detached) on first use and
/// stops. What each command prints and refuses is tested in-process (CliCommandTests).
/// </summary>
[NonParallelizable]
public sealed class CliProcessTests
{
    private FixtureServer _server = null!;
    private TempDirectory _home = null!;
    private readonly List<int> _daemonTree = [];
    private CliRun _capture = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await FixtureServer.StartAsync();
        _server.MapHtml("/cli", CliFixturePage.Html);
        _home = new TempDirectory();

        // One capture shared by the tests (each CLI start costs seconds); every test reads from it.
        _capture = await Run("capture", _server.Url("/cli").ToString(), "--tag", "cli", "--tag", "中文", "--note", "from the terminal", "--wait");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        var info = DaemonInfo.Read(new LinkSnapPaths(_home.Path).DaemonInfoPath);
        if (info is not null)
        {
            _daemonTree.Add(info.Pid);
            _daemonTree.AddRange(ChildProcesses.Descendants(info.Pid));
        }

        await LinkSnapCli.RunAsync(_home.Path, "stop");
        ChildProcesses.KillAll(_daemonTree);
        await _server.DisposeAsync();
        _home.Dispose();
    }

    private Task<CliRun> Run(params string[] args) => LinkSnapCli.RunAsync(_home.Path, args);

    [Test]
    public async Task Status_says_not_running_and_does_not_start_the_daemon()
    {
        using var empty = new TempDirectory();
        var run = await LinkSnapCli.RunAsync(empty.Path, "status");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.Error);
        Assert.That(run.Output, Does.Contain("not running"));
        Assert.That(run.Error, Does.Not.Contain("Starting the LinkSnap daemon"));
        Assert.That(DaemonInfo.Read(new LinkSnapPaths(empty.Path).DaemonInfoPath), Is.Null, "no daemon was started");
    }

    [Test]
    public void Capture_wait_starts_the_daemon_and_exits_0_once_saved()
    {
        var run = _capture;

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Error, Does.Contain("Starting the LinkSnap daemon"));
        Assert.That(run.Output, Does.Contain("Snapshot 1 of link 1: done"));
        Assert.That(DaemonInfo.Read(new LinkSnapPaths(_home.Path).DaemonInfoPath)?.Pid, Is.Not.EqualTo(Environment.ProcessId), "the daemon runs in a process of its own");
    }

    [Test]
    public async Task Stop_stops_the_daemon_and_the_next_command_starts_it_again()
    {
        await Run("start");
        var info = DaemonInfo.Read(new LinkSnapPaths(_home.Path).DaemonInfoPath)!;
        _daemonTree.AddRange(ChildProcesses.Descendants(info.Pid));
        var stop = await Run("stop");
        Assert.That(stop.ExitCode, Is.EqualTo(0));
        Assert.That(stop.Output, Does.Contain($"Stopped the daemon (pid {info.Pid})"));
        Assert.That(File.Exists(new LinkSnapPaths(_home.Path).SocketPath), Is.False);
        Assert.That((await Run("stop")).Output, Does.Contain("not running"));
        var again = await Run("list");
        Assert.That(again.ExitCode, Is.EqualTo(0));
        Assert.That(again.Error, Does.Contain("Starting the LinkSnap daemon"));
        Assert.That(again.Output, Does.Contain("CLI fixture"));
    }
}
