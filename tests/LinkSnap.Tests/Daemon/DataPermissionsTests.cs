using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Daemon;

/// <summary>
/// Other local users must not read the data directory (DOMs of logged-in tabs, the database, the login
/// secret), even when it was made beforehand with 0755: the real daemon process tightens it on start and
/// creates everything owner-only; `linksnap doctor` reports and fixes loose entries anywhere below it.
/// </summary>
[NonParallelizable]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataPermissionsTests
{
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Test]
    public async Task A_data_directory_made_with_0755_is_owner_only_after_start_and_so_is_every_file_written()
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapHtml("/page", "<html><head><title>Private</title></head><body><p>Private text.</p><img src=\"/missing.png\"></body></html>");
        using var temp = new TempDirectory();
        var home = Path.Combine(temp.Path, "data");
        Directory.CreateDirectory(home, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(home, (UnixFileMode)0b111_101_101); // as `mkdir -p` under umask 022 leaves it
        Directory.CreateDirectory(Path.Combine(home, "snapshots"));
        File.SetUnixFileMode(Path.Combine(home, "snapshots"), (UnixFileMode)0b111_101_101);
        File.WriteAllText(Path.Combine(home, "linksnap.db"), "");
        File.SetUnixFileMode(Path.Combine(home, "linksnap.db"), (UnixFileMode)0b110_100_100);
        File.Delete(Path.Combine(home, "linksnap.db")); // a fresh database, created by the daemon under its umask

        await using var daemon = await TestDaemon.StartAsync(TestDaemonOptions.OwnProcess(home));
        var accepted = await daemon.Client.PostAsync("/api/captures", new { url = server.Url("/page").ToString() }, CancellationToken.None);
        var snapshot = await daemon.WaitForSnapshotAsync(accepted.GetProperty("snapshotId").GetInt64());

        Assert.That(snapshot.Status, Is.AnyOf(SnapshotStatus.Done, SnapshotStatus.Partial), snapshot.ToString());
        Assert.That(File.GetUnixFileMode(home), Is.EqualTo((UnixFileMode)0b111_000_000), "data directory");
        Assert.That(File.GetUnixFileMode(daemon.Paths.SocketPath) & GroupOrOthers, Is.EqualTo((UnixFileMode)0), "socket");
        var loose = Directory.EnumerateFileSystemEntries(home, "*", SearchOption.AllDirectories)
            .Where(p => (File.GetUnixFileMode(p) & GroupOrOthers) != 0 && new FileInfo(p).LinkTarget is null)
            .Select(p => $"{Path.GetRelativePath(home, p)} {Convert.ToString((int)File.GetUnixFileMode(p), 8)}")
            .ToList();
        Assert.That(loose, Is.Empty, "entries other users could open");
        Assert.That(Directory.EnumerateFiles(snapshot.Folder!), Is.Not.Empty);
    }

    [Test]
    public async Task Doctor_reports_and_fixes_loose_permissions_anywhere_in_the_data_directory()
    {
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, "snapshots", "2026", "x");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "page.html"), "<p>hi</p>");
        File.SetUnixFileMode(Path.Combine(folder, "page.html"), (UnixFileMode)0b110_100_100);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(temp.Path, (UnixFileMode)0b111_101_101);

        var first = await LinkSnapCli.RunAsync(temp.Path, "doctor");
        var second = await LinkSnapCli.RunAsync(temp.Path, "doctor");

        Assert.That(first.Output, Does.Contain("[warn] data permissions:").And.Contain("made owner-only"));
        Assert.That(File.GetUnixFileMode(Path.Combine(folder, "page.html")), Is.EqualTo((UnixFileMode)0b110_000_000));
        Assert.That(File.GetUnixFileMode(folder), Is.EqualTo((UnixFileMode)0b111_000_000));
        Assert.That(File.GetUnixFileMode(temp.Path), Is.EqualTo((UnixFileMode)0b111_000_000));
        Assert.That(second.Output, Does.Contain("[ok  ] data permissions:"));
    }

    [Test]
    public async Task The_daemon_started_by_the_cli_writes_its_log_owner_only()
    {
        using var temp = new TempDirectory();
        try
        {
            var start = await LinkSnapCli.RunAsync(temp.Path, "start");
            Assert.That(start.ExitCode, Is.EqualTo(0), start.Error);
            var log = Path.Combine(temp.Path, "logs", "daemon.log");
            Assert.That(File.GetUnixFileMode(log) & GroupOrOthers, Is.EqualTo((UnixFileMode)0), "the launcher's shell creates the log");
        }
        finally
        {
            await LinkSnapCli.RunAsync(temp.Path, "stop");
        }
    }
}
