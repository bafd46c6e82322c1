using System.Text.Json;
using Dapper;
using LinkSnap.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace LinkSnap.Tests.Daemon;

/// <summary>
/// THE crash test: the daemon is a real process, SIGKILLed while captures run. After restarts every
/// job ends done, partial or failed with a reason, and the database passes integrity_check.
/// </summary>
[NonParallelizable]
public sealed class CrashRecoveryTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["LINKSNAP_Daemon__Concurrency"] = "2",
        ["LINKSNAP_Daemon__MaxAttempts"] = "2",
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
        await using (var first = await DaemonProcess.StartAsync(temp.Path, Settings))
        {
            for (var i = 0; i < 4; i++)
            {
                var accepted = await first.Client.PostAsync("/api/captures", new { url = server.Url($"/slow?n={i}").ToString(), tags = new[] { "crash" } }, CancellationToken.None);
                ids.Add(accepted.GetProperty("snapshotId").GetInt64());
            }

            await WaitForRunningAsync(first, ids[..2], attempts: 1);
            await first.KillAsync();
        }

        await using (var second = await DaemonProcess.StartAsync(temp.Path, Settings))
        {
            // The interrupted jobs are first in line again, on their second attempt: kill once more.
            await WaitForRunningAsync(second, ids[..2], attempts: 2);
            await second.KillAsync();
        }

        await using (var third = await DaemonProcess.StartAsync(temp.Path, Settings))
        {
            var final = new List<JsonElement>();
            foreach (var id in ids)
            {
                final.Add(await third.WaitForFinishedAsync(id));
            }

            TestContext.Out.WriteLine(string.Join("\n", final.Select(s => $"{s.GetProperty("id")}: {s.GetProperty("status")} {s.GetProperty("reason")} attempts={s.GetProperty("attempts")}")));
            Assert.That(final.Select(s => s.GetProperty("status").GetString()), Is.EqualTo(new[] { "failed", "failed", "done", "done" }));
            Assert.That(final[0].GetProperty("reason").GetString(), Is.EqualTo("daemon stopped during capture 2 times"));
            Assert.That(final[1].GetProperty("reason").GetString(), Is.EqualTo("daemon stopped during capture 2 times"));
            Assert.That(File.Exists(Path.Combine(final[0].GetProperty("folder").GetString()!, "snapshot.json")), Is.True);
            Assert.That(final[2].GetProperty("attempts").GetInt32(), Is.EqualTo(1));
            Assert.That(File.Exists(Path.Combine(final[2].GetProperty("folder").GetString()!, "page.html")), Is.True);

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

    private static Task WaitForRunningAsync(DaemonProcess daemon, IReadOnlyList<long> ids, int attempts) =>
        Eventually.ValueAsync(
            async () =>
            {
                var states = new List<(string? Status, int Attempts)>();
                foreach (var id in ids)
                {
                    var s = await daemon.Client.GetAsync($"/api/snapshots/{id}", CancellationToken.None);
                    states.Add((s.GetProperty("status").GetString(), s.GetProperty("attempts").GetInt32()));
                }

                return states;
            },
            states => states.All(s => s.Status == "running" && s.Attempts == attempts),
            TimeSpan.FromSeconds(60),
            states => $"jobs {string.Join(",", ids)} running (attempt {attempts}); they were {string.Join(", ", states)}\n{daemon.Log}");
}
