using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LinkSnap.Bench.Harness;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Health;
using LinkSnap.Shared;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace LinkSnap.Bench.Health;

/// <summary>
/// Health-check throughput against a local server (issue 15): the real runner, checker and SQLite
/// store checking links spread over 8 loopback "sites" (127.0.0.1–127.0.0.8, one server), and the
/// politeness of the default per-site gap. The server counts requests in flight per site.
/// </summary>
public sealed class HealthBenchmark : IBenchmark
{
    private const int Sites = 8;
    private const int LinksPerSite = 250;
    private const int PoliteLinks = 20;

    private static readonly string Article = "<!doctype html><html><head><title>An article</title></head><body>"
        + string.Concat(Enumerable.Repeat("<p>The long rivers of the north carry meltwater from the mountains to the sea.</p>", 100)) + "</body></html>";

    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private readonly ConcurrentDictionary<string, int> _maxInFlight = new();

    public string Section => "health";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var port = FreePort();
        await using var server = await StartServerAsync(port);
        using var temp = new TempDirectory();

        // Throughput: the machinery alone (no per-site gap), default concurrency.
        var fast = new HealthOptions { HostGap = TimeSpan.Zero };
        var (seconds, states) = await CheckAllAsync(temp.Path, "fast", fast, Sites, LinksPerSite, port, cancellationToken);
        var total = Sites * LinksPerSite;
        context.Report.Add(new BenchRow
        {
            Section = Section,
            Figure = $"health checks per second: {total:N0} links on {Sites} local sites (Health:MaxConcurrency {fast.MaxConcurrency}, HostGap 0)",
            Value = total / seconds,
            ValueText = $"{total / seconds:0} checks/s ({seconds:0.0} s)",
            Target = "one request per site at a time",
            Met = _maxInFlight.Values.DefaultIfEmpty(0).Max() <= 1,
            Note = $"real HealthRunner + HealthChecker + SQLite file store on loopback; states {Summary(states)}; at most {_maxInFlight.Values.DefaultIfEmpty(0).Max()} request(s) in flight per site",
        });
        context.Report.Detail("health.checksPerSecond", Math.Round(total / seconds, 1));

        // Politeness: one site, the default gap between its requests.
        _maxInFlight.Clear();
        var polite = new HealthOptions();
        var (politeSeconds, _) = await CheckAllAsync(temp.Path, "polite", polite, 1, PoliteLinks, port, cancellationToken);
        var floor = PoliteLinks * polite.HostGap.TotalSeconds;
        context.Report.Add(new BenchRow
        {
            Section = Section,
            Figure = $"{PoliteLinks} links of one site with the default Health:HostGap ({polite.HostGap.TotalMilliseconds:0} ms)",
            Value = politeSeconds,
            ValueText = $"{politeSeconds:0.0} s",
            Target = $"≥ {floor:0.0} s (the gap is kept), one request at a time",
            Met = politeSeconds >= floor && _maxInFlight.Values.DefaultIfEmpty(0).Max() <= 1,
            Note = $"at most {_maxInFlight.Values.DefaultIfEmpty(0).Max()} request(s) in flight on that site",
        });
    }

    private static async Task<(double Seconds, IReadOnlyList<HealthCheck> Checks)> CheckAllAsync(
        string folder, string name, HealthOptions options, int sites, int perSite, int port, CancellationToken cancellationToken)
    {
        using var database = new LinkSnapDatabase(Path.Combine(folder, name + ".db"));
        database.Migrate();
        var store = new LinkStore(database, TimeProvider.System);
        for (var site = 1; site <= sites; site++)
        {
            for (var i = 0; i < perSite; i++)
            {
                // Every 10th page is gone, every 10th (another) has moved; the rest answer.
                var kind = i % 10 == 3 ? "gone" : i % 10 == 7 ? "moved" : "page";
                store.AddCapture(new Uri($"http://127.0.0.{site}:{port}/{kind}/{i}"), null, null, CaptureMode.Fresh, jobClass: "bench");
            }
        }

        using var checker = new HealthChecker(options, new CaptureOptions { AllowPrivateTargets = true }, TimeProvider.System);
        var runner = new HealthRunner(store, checker, new SnapshotFolders(new LinkSnapPaths(folder)), MsOptions.Create(options), TimeProvider.System);
        var targets = store.HealthTargets(null, null, 0, int.MaxValue);
        var clock = Stopwatch.StartNew();
        var checks = await runner.CheckAsync(targets, cancellationToken);
        return (clock.Elapsed.TotalSeconds, checks);
    }

    private async Task<WebApplication> StartServerAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            for (var site = 1; site <= Sites; site++)
            {
                k.Listen(IPAddress.Parse($"127.0.0.{site}"), port);
            }
        });
        var app = builder.Build();
        app.Run(async http =>
        {
            var site = http.Request.Host.Host;
            var now = _inFlight.AddOrUpdate(site, 1, (_, n) => n + 1);
            _maxInFlight.AddOrUpdate(site, now, (_, max) => Math.Max(max, now));
            try
            {
                var path = http.Request.Path.Value ?? "/";
                if (path.StartsWith("/moved/", StringComparison.Ordinal))
                {
                    http.Response.StatusCode = 301;
                    http.Response.Headers.Location = "/new" + path;
                }
                else if (path.StartsWith("/page/", StringComparison.Ordinal) || path.StartsWith("/new/", StringComparison.Ordinal))
                {
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync(Article);
                }
                else
                {
                    http.Response.StatusCode = 404;
                }
            }
            finally
            {
                _inFlight.AddOrUpdate(site, 0, (_, n) => n - 1);
            }
        });
        await app.StartAsync();
        return app;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static string Summary(IEnumerable<HealthCheck> checks) =>
        string.Join(", ", checks.GroupBy(c => HealthStates.Text(c.State)).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"));
}
