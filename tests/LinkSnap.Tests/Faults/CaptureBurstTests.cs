using LinkSnap.Cli;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace LinkSnap.Tests.Faults;

/// <summary>
/// 1,000 capture requests at once against a local page. Decision (docs/architecture.md): the queue cap
/// stays on, set low here (Daemon:MaxQueuedCaptures=12) so the test stays short; a request past it is a
/// clear, recorded refusal (429 with a reason), every accepted capture ends with a state and a reason,
/// the status route answers throughout, and an orderly stop leaves no Chromium behind.
/// </summary>
[NonParallelizable]
public sealed class CaptureBurstTests
{
    private const int Requests = 1000;

    [Test]
    public async Task A_burst_of_1000_captures_all_end_or_are_refused_with_a_reason_and_no_Chromium_is_left_behind()
    {
        await using var server = await FixtureServer.StartAsync();
        server.Map("/page", context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync($"<html><head><title>Burst {context.Request.Query["n"]}</title></head><body><p>Burst page.</p></body></html>");
        });
        using var temp = new TempDirectory();
        await using var daemon = await TestDaemon.StartAsync(TestDaemonOptions.OwnProcess(temp.Path, new Dictionary<string, string> { ["Daemon:MaxQueuedCaptures"] = "12" }));
        var refusals = new List<string>();
        var chromium = new HashSet<int>();

        var burst = await CaptureBurst.RunAsync(Requests, parallelism: 16,
            async (i, token) =>
            {
                try
                {
                    await daemon.Client.PostAsync("/api/captures", new { url = server.Url($"/page?n={i}").ToString(), tags = new[] { "burst" } }, token);
                    return StatusCodes.Status202Accepted;
                }
                catch (DaemonApiException e)
                {
                    lock (refusals)
                    {
                        refusals.Add(e.Message);
                    }

                    return e.Status;
                }
            },
            async token =>
            {
                chromium.UnionWith(FaultChecks.Chromium(daemon.Pid).Select(p => p.Pid));
                var queue = (await daemon.Client.GetAsync("/api/status", token)).GetProperty("queue");
                return queue.GetProperty("queued").GetInt32() + queue.GetProperty("running").GetInt32();
            },
            TimeSpan.FromMinutes(4), CancellationToken.None);

        var accepted = burst.Statuses.Count(s => s == StatusCodes.Status202Accepted);
        TestContext.Out.WriteLine($"{accepted} accepted, {refusals.Count} refused in {burst.Elapsed.TotalSeconds:0.0} s; status answered {burst.StatusLatenciesMs.Count} times (max {burst.StatusLatenciesMs.Max():0} ms); {chromium.Count} Chromium processes seen");
        Assert.That(burst.Statuses, Has.All.AnyOf(StatusCodes.Status202Accepted, StatusCodes.Status429TooManyRequests));
        Assert.That(accepted, Is.GreaterThanOrEqualTo(12));
        Assert.That(refusals, Has.All.Contain("queue"), "each refusal says why");
        Assert.That(burst.StatusErrors, Is.Empty, "the status route answered every probe during the burst");
        Assert.That(burst.StatusLatenciesMs, Is.Not.Empty);
        Assert.That(chromium, Is.Not.Empty);

        using (var connection = FaultChecks.Open(daemon.Paths.DatabasePath))
        {
            Assert.That(Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT COUNT(*) FROM snapshots"), Is.EqualTo(accepted), "every accepted request is a recorded job; no refused one is");
        }

        await FaultChecks.AssertLibraryIntactAsync(daemon, []);
        await daemon.StopAsync();
        Assert.That(chromium.Where(FaultChecks.IsAlive), Is.Empty, "no Chromium process outlives the daemon's orderly stop");
    }
}
