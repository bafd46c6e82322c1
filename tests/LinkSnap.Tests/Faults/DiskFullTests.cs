using System.Diagnostics;
using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Faults;

/// <summary>
/// The data directory is a small tmpfs that fills up while a capture writes its files: the job fails
/// with "disk full", keeps no half-written snapshot, the daemon keeps serving, and the same capture
/// succeeds once space is freed. Needs root for the mount (CI runs as root; there it must not skip).
/// </summary>
[NonParallelizable]
public sealed class DiskFullTests
{
    [Test]
    public async Task A_disk_filling_up_mid_capture_fails_the_job_with_disk_full_and_the_next_capture_succeeds_once_space_returns()
    {
        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "data");
        Directory.CreateDirectory(data);
        await MountTmpfsAsync(data);
        try
        {
            await using var server = await FixtureServer.StartAsync();
            server.MapHtml("/small", "<html><head><title>Small</title></head><body><p>Saved before the disk filled up.</p></body></html>");
            // Random text (nothing compresses it) in a hidden field: megabytes in page.html, MHTML and WARC, one line on screen.
            var noise = new string([.. Enumerable.Range(0, 3_000_000).Select(i => (char)('a' + Random.Shared.Next(26)))]);
            server.MapHtml("/big", $"<html><head><title>Big</title></head><body><p>A big page.</p><textarea hidden>{noise}</textarea></body></html>");

            await using var daemon = await TestDaemon.StartAsync(TestDaemonOptions.OwnProcess(data));
            var small = (await daemon.CaptureAsync(server.Url("/small"), "disk")).Snapshot;
            Assert.That(small.Status, Is.EqualTo(SnapshotStatus.Done));
            var savedId = small.Id;

            var filler = Path.Combine(data, "filler");
            Fill(filler, leave: 1_500_000);
            var full = (await daemon.CaptureAsync(server.Url("/big"), "disk")).Snapshot;
            TestContext.Out.WriteLine($"{full.Status}: {full.Reason}");
            Assert.That(full.Status, Is.EqualTo(SnapshotStatus.Failed));
            Assert.That(full.Reason, Does.StartWith("disk full ("));
            var folder = full.Folder;
            if (folder is not null && Directory.Exists(folder))
            {
                Assert.That(Directory.GetFileSystemEntries(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "snapshot.json" }),
                    "a failed capture keeps only its record, no half-written files");
            }

            var tmp = Path.Combine(data, "snapshots", ".tmp");
            Assert.That(Directory.Exists(tmp) ? Directory.GetFileSystemEntries(tmp) : [], Is.Empty, "no half-written capture folder stays");
            Assert.That((await daemon.Client.GetAsync("/api/status", CancellationToken.None)).GetProperty("pid").GetInt32(), Is.EqualTo(daemon.Pid), "the daemon keeps serving");

            File.Delete(filler);
            var again = (await daemon.CaptureAsync(server.Url("/big"), "disk")).Snapshot;
            Assert.That(again.Status, Is.EqualTo(SnapshotStatus.Done), again.ToString());
            await FaultChecks.AssertLibraryIntactAsync(daemon, [savedId]);
        }
        finally
        {
            await RunAsync("umount", "-l", data);
        }
    }

    private static async Task MountTmpfsAsync(string directory)
    {
        if (Environment.UserName != "root")
        {
            const string Why = "mounting a small tmpfs as the data directory needs root";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(Why + " (CI runs as root: this fault must be tested there)");
            }

            Assert.Ignore(Why);
        }

        var (code, output) = await RunAsync("mount", "-t", "tmpfs", "-o", "size=24m,mode=0700", "tmpfs", directory);
        Assert.That(code, Is.Zero, $"mount -t tmpfs failed: {output}");
    }

    /// <summary>Writes a file until only <paramref name="leave"/> bytes stay free on the directory's file system.</summary>
    private static void Fill(string path, long leave)
    {
        var drive = new DriveInfo(Path.GetDirectoryName(path)!);
        using var stream = File.Create(path);
        var chunk = new byte[64 * 1024];
        while (drive.AvailableFreeSpace > leave + chunk.Length)
        {
            stream.Write(chunk);
            stream.Flush();
        }

        TestContext.Out.WriteLine($"{drive.AvailableFreeSpace} bytes left free");
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
