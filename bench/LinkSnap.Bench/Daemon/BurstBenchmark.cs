using System.Net.Http.Json;
using LinkSnap.Bench.Harness;
using LinkSnap.Testing;
using Microsoft.AspNetCore.Http;

namespace LinkSnap.Bench.Daemon;

/// <summary>
/// 1,000 capture requests at once (16 in flight) against a small local page, while GET /api/status is
/// probed every 200 ms until the queue has drained: the status route's p95 during the burst, and how
/// many requests were accepted or refused (429) at Daemon:MaxQueuedCaptures=100 (lowered from 500 so
/// the section ends in minutes on 2 cores; the refusals are the same answer either way).
/// </summary>
public sealed class BurstBenchmark : IBenchmark
{
    private const int Requests = 1000;
    private const int QueueCap = 100;

    public string Section => "burst";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var dll = DaemonProcess.FindExecutable(out var missing);
        if (dll is null)
        {
            context.Report.NotMeasured(Section, "status route p95 during a 1,000-capture burst", "", missing);
            return;
        }

        await using var server = await FixtureServer.StartAsync();
        server.Map("/page", http =>
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            return http.Response.WriteAsync($"<html><head><title>Burst {http.Request.Query["n"]}</title></head><body><p>Burst page.</p></body></html>", cancellationToken);
        });
        var dataDirectory = context.WorkPath("daemons", "burst");
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        await using var daemon = await DaemonProcess.StartAsync(dll, dataDirectory, [$"--Daemon:MaxQueuedCaptures={QueueCap}"], cancellationToken);
        var burst = await CaptureBurst.RunAsync(Requests, parallelism: 16,
            async (i, token) =>
            {
                using var response = await daemon.Client.PostAsJsonAsync("/api/captures", new { url = server.Url($"/page?n={i}").AbsoluteUri }, token);
                return (int)response.StatusCode;
            },
            async token =>
            {
                var queue = (await daemon.GetJsonAsync("/api/status", token)).GetProperty("queue");
                return queue.GetProperty("queued").GetInt32() + queue.GetProperty("running").GetInt32();
            },
            TimeSpan.FromMinutes(20), cancellationToken);

        var stats = Stats.Of(burst.StatusLatenciesMs);
        var accepted = burst.Statuses.Count(s => s == 202);
        var refused = burst.Statuses.Count(s => s == 429);
        context.Report.Add(new BenchRow
        {
            Section = Section,
            Figure = $"GET /api/status during a burst of {Requests:N0} captures (p95 of {stats.Count} probes)",
            Value = stats.P95,
            ValueText = $"p95 {stats.P95:0} ms (median {stats.Median:0}, max {stats.Max:0})",
            Target = "answers throughout (no timing target)",
            Met = burst.StatusErrors.Count == 0,
            Note = $"{accepted} accepted, {refused} refused with 429 (Daemon:MaxQueuedCaptures={QueueCap}), {burst.Statuses.Count - accepted - refused} other; drained in {burst.Elapsed.TotalSeconds:0} s; {burst.StatusErrors.Count} status errors; Daemon:Concurrency=2",
        });
        context.Report.Detail("burst.statusMs", stats);
        context.Report.Detail("burst.accepted", accepted);
        context.Report.Detail("burst.refused", refused);
        context.Report.Detail("burst.seconds", Math.Round(burst.Elapsed.TotalSeconds, 1));
    }
}
