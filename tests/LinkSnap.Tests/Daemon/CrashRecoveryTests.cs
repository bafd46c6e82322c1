using System.Text.Json;
using Dapper;
using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace LinkSnap.Tests.Daemon;

/// <summary>
/// THE crash test: the daemon is a real process, SIGKILLed while captures run. After restarts every
/// job ends done, partial or failed with a reason, and the database passes integrity_check.
/// </summary>
[Category(TestCategories.TimingSensitive)]
[NonParallelizable]
public sealed class CrashRecoveryTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Daemon:Concurrency"] = "2",
        ["Daemon:MaxAttempts"] = "2",
    };

    [Test]
    public async Task Jobs_survive_SIGKILL_and_each_ends_with_a_state_and_a_reason()
    {
        await using var server = await FixtureServer.StartAsync();
        server.Map("/slow", async context =>
        {
            // Slow enough that the daemon is killed mid-capture, every time.
            await Task.Delay(TimeSpan.FromSeconds(4), context.RequestAborted);
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync($"<html><head><title>Slow {context.Request.QueryString}</title></head><body><p>Slow page body.</p></body></html>");
        });
        using var temp = new TempDirectory();

        var ids = new List<long>();
        await using (var first = await TestDaemon.StartAsync(TestDaemonOptions.OwnProcess(temp.Path, Settings)))
        {
            for (var i = 0; i < 4; i++)
            {
                var accepted = await first.Client.PostAsync("/api/captures", new { url = server.Url($"/slow?n={i}").ToString(), tags = new[] { "crash" } }, CancellationToken.None);
                ids.Add(accepted.GetProperty("snapshotId").GetInt64());
            }

            await WaitForRunningAsync(first, ids[..2], attempts: 1);
            await first.KillAsync();
        }

        await using (var second = await TestDaemon.StartAsync(TestDaemonOptions.OwnProcess(temp.Path, Settings)))
        {
            // The interrupted jobs are first in line again, on their second attempt: kill once more.
            await WaitForRunningAsync(second, ids[..2], attempts: 2);
            await second.KillAsync();
        }

        await using (var third = await TestDaemon.StartAsync(TestDaemonOptions.OwnProcess(temp.Path, Settings)))
        {
            var final = new List<LinkSnap.Api.SnapshotDto>();
            foreach (var id in ids)
            {
                final.Add(await third.WaitForSnapshotAsync(id));
            }

            TestContext.Out.WriteLine(string.Join("\n", final.Select(s => $"{s.Id}: {s.Status} {s.Reason} attempts={s.Attempts}")));
            Assert.That(final.Select(s => s.Status), Is.EqualTo(new[] { SnapshotStatus.Failed, SnapshotStatus.Failed, SnapshotStatus.Done, SnapshotStatus.Done }));
            Assert.That(final[0].Reason, Is.EqualTo("daemon stopped during capture 2 times"));
            Assert.That(final[1].Reason, Is.EqualTo("daemon stopped during capture 2 times"));
            Assert.That(File.Exists(Path.Combine(final[0].Folder!, "snapshot.json")), Is.True);
            Assert.That(final[2].Attempts, Is.EqualTo(1));
            Assert.That(File.Exists(Path.Combine(final[2].Folder!, "page.html")), Is.True);

            var jobs = await third.Client.GetAsync("/api/status", CancellationToken.None);
            Assert.That(jobs.GetProperty("queue").GetProperty("running").GetInt32() + jobs.GetProperty("queue").GetProperty("queued").GetInt32(), Is.Zero);
        }

        Assert.That(Directory.Exists(Path.Combine(temp.Path, "snapshots", ".tmp")) ? Directory.GetFileSystemEntries(Path.Combine(temp.Path, "snapshots", ".tmp")) : [], Is.Empty,
            "temporary capture folders of killed daemons are cleaned at start");
        using var connection = new SqliteConnection($"Data Source={Path.Combine(temp.Path, "linksnap.db")};Pooling=False");
        connection.Open();
        Assert.That(connection.ExecuteScalar<string>("PRAGMA integrity_check"), Is.EqualTo("ok"));
        Assert.That(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM snapshots WHERE status NOT IN ('done', 'partial', 'failed')"), Is.Zero);
        Assert.That(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM snapshots WHERE status IN ('partial', 'failed') AND (reason IS NULL OR reason = '')"), Is.Zero);
    }

    private static Task WaitForRunningAsync(TestDaemon daemon, IReadOnlyList<long> ids, int attempts) =>
        Eventually.ValueAsync(
            async () =>
            {
                var states = new List<(SnapshotStatus Status, int Attempts)>();
                foreach (var id in ids)
                {
                    var s = await daemon.GetSnapshotAsync(id);
                    states.Add((s.Status, s.Attempts));
                }

                return states;
            },
            states => states.All(s => s.Status == SnapshotStatus.Running && s.Attempts == attempts),
            TimeSpan.FromSeconds(60),
            states => $"jobs {string.Join(",", ids)} running (attempt {attempts}); they were {string.Join(", ", states)}\n{daemon.Log}");
}
