using Dapper;
using LinkSnap.Cli;
using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace LinkSnap.Tests.Faults;

/// <summary>
/// Another process holds the database (BEGIN EXCLUSIVE, as a sqlite3 shell or a backup tool would) for
/// longer than the daemon's busy timeout while a capture runs: requests get a clear 503 and change
/// nothing, the running job records its outcome once the lock is gone, and the daemon recovers.
/// </summary>
[NonParallelizable]
public sealed class DatabaseLockTests
{
    [Test]
    public async Task A_database_locked_past_the_busy_timeout_gives_503_and_the_running_job_still_ends_recorded()
    {
        await using var server = await FixtureServer.StartAsync();
        var release = new TaskCompletionSource();
        server.MapHtml("/quick", "<html><head><title>Quick</title></head><body><p>Saved before the lock.</p></body></html>");
        server.Map("/held", async context =>
        {
            // Answers only once the lock is held, so the capture ends while the database is locked.
            await release.Task.WaitAsync(context.RequestAborted);
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<html><head><title>Held</title></head><body><p>Captured during the lock.</p></body></html>");
        });
        using var temp = new TempDirectory();
        await using var daemon = await TestDaemon.StartAsync(TestDaemonOptions.OwnProcess(temp.Path, new Dictionary<string, string> { ["Daemon:DatabaseBusyTimeout"] = "00:00:01" }));
        var quick = (await daemon.CaptureAsync(server.Url("/quick"), "lock")).Snapshot;
        Assert.That(quick.Status, Is.EqualTo(SnapshotStatus.Done));

        var held = (await daemon.Client.PostAsync("/api/captures", new { url = server.Url("/held").ToString() }, CancellationToken.None)).GetProperty("snapshotId").GetInt64();
        await FaultChecks.WaitUntilAsync(() => Task.FromResult(server.Requests.Any(r => r.StartsWith("/held", StringComparison.Ordinal))), "the capture to request its page", daemon);

        var before = FaultChecks.Library(daemon.Paths.DatabasePath);
        using (var locker = FaultChecks.Open(daemon.Paths.DatabasePath))
        {
            locker.Execute("BEGIN EXCLUSIVE");
            release.SetResult();

            var refused = await Assert.ThrowsAsync<DaemonApiException>(() => daemon.Client.PostAsync("/api/captures", new { url = server.Url("/quick?again").ToString() }, CancellationToken.None));
            Assert.That(refused!.Status, Is.EqualTo(503));
            Assert.That(refused.Message, Does.Contain("locked by another program").And.Contain("nothing was changed"));

            // The capture itself finishes meanwhile; its outcome waits for the lock (still "running", not lost).
            await FaultChecks.WaitUntilAsync(() => Task.FromResult(daemon.Log.Contains("The database is locked; recording the outcome again", StringComparison.Ordinal)),
                "the finished capture to wait for the lock", daemon);
            Assert.That((await daemon.Client.GetAsync($"/api/snapshots/{held}", CancellationToken.None)).GetProperty("status").GetString(), Is.EqualTo("running"));
            Assert.That(await daemon.Client.GetAsync("/api/status", CancellationToken.None), Is.Not.Null, "reads keep working under a write lock (WAL)");
            locker.Execute("ROLLBACK");
        }

        var ended = await daemon.WaitForSnapshotAsync(held);
        Assert.That(ended.Status, Is.EqualTo(SnapshotStatus.Done), ended.ToString());
        Assert.That(FaultChecks.Library(daemon.Paths.DatabasePath).Where(l => !l.Contains("/held", StringComparison.Ordinal)), Is.EqualTo(before.Where(l => !l.Contains("/held", StringComparison.Ordinal))),
            "the refused request changed nothing");

        var after = (await daemon.CaptureAsync(server.Url("/quick?after"))).Snapshot;
        Assert.That(after.Status, Is.EqualTo(SnapshotStatus.Done), "captures work again once the lock is gone");
        await FaultChecks.AssertLibraryIntactAsync(daemon, [quick.Id]);
    }
}
