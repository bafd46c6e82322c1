using System.Diagnostics;
using LinkSnap.Bench.Daemon;
using LinkSnap.Bench.Harness;

namespace LinkSnap.Bench.Scale;

/// <summary>
/// Issue 5 §5: p50/p95 of list, search (Latin and CJK) and tag filter through the daemon's API with
/// 1,000 synthetic snapshots, then with the library grown to 100,000 (default) — same daemon build,
/// same queries, fresh daemon process for each size.
/// </summary>
public sealed class LibraryScaleBenchmark : IBenchmark
{
    internal static readonly (string Name, string[] Paths)[] Queries =
    [
        ("list (newest 50)", ["/api/links?limit=50", "/api/links?limit=50&sort=title&order=asc", "/api/links?limit=50&sort=site"]),
        ("search, Latin", ["/api/links?q=quantum&limit=50", "/api/links?q=interpretability+model&limit=50", "/api/links?q=coffee&limit=50"]),
        ("search, CJK", ["/api/links?q=" + Uri.EscapeDataString("学习") + "&limit=50", "/api/links?q=" + Uri.EscapeDataString("书") + "&limit=50", "/api/links?q=" + Uri.EscapeDataString("人工智能") + "&limit=50"]),
        ("tag filter", ["/api/links?tag=nlp/interpretability&limit=50", "/api/links?tag=reading&tag=ml&tagMode=and&limit=50", "/api/links?tag=cooking&tag=travel&tagMode=or&limit=50"]),
    ];

    public string Section => "scale";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var dll = DaemonProcess.FindExecutable(out var missing);
        if (dll is null)
        {
            context.Report.NotMeasured(Section, "library list/search/tag p95", "≤ 50 ms at 100,000", missing);
            return;
        }

        var dataDirectory = context.WorkPath("daemons", "scale");
        var databasePath = SyntheticLibrary.CreateEmpty(dataDirectory);

        var small = context.Options.ScaleSmall;
        var large = Math.Max(context.Options.ScaleLarge, small);
        var seedClock = Stopwatch.StartNew();
        SyntheticLibrary.Seed(databasePath, small, seed: 1);
        var atSmall = await MeasureAsync(context, dll, dataDirectory, cancellationToken);
        SyntheticLibrary.Seed(databasePath, large - small, seed: 2);
        context.Report.Detail("scale.seedSeconds", Math.Round(seedClock.Elapsed.TotalSeconds, 1));
        var atLarge = await MeasureAsync(context, dll, dataDirectory, cancellationToken);

        foreach (var (name, _) in Queries)
        {
            var s = atSmall[name];
            var l = atLarge[name];
            var growth = l.P95 / s.P95;
            context.Report.Add(new BenchRow
            {
                Section = Section,
                Figure = $"{name}: p50 / p95 at {large:N0} (at {small:N0})",
                Value = l.P95,
                ValueText = $"{l.Median:0.0} / {l.P95:0.0} ms ({s.Median:0.0} / {s.P95:0.0})",
                Ratio = growth,
                Target = $"p95 ≤ 50 ms, ≤ 2× the p95 at {small:N0}",
                Met = l.P95 <= 50 && growth <= 2,
            });
        }

        context.Report.Detail("scale.small", atSmall);
        context.Report.Detail("scale.large", atLarge);
        context.Report.Detail("scale.databaseMiB", Math.Round(new FileInfo(databasePath).Length / 1048576.0, 1));
    }

    /// <summary>Starts the daemon on the library, warms each query once, then times repeated runs of every variant.</summary>
    private static async Task<Dictionary<string, Stats>> MeasureAsync(BenchContext context, string dll, string dataDirectory, CancellationToken cancellationToken)
    {
        await using var daemon = await DaemonProcess.StartAsync(dll, dataDirectory, [], cancellationToken);
        var result = new Dictionary<string, Stats>();
        foreach (var (name, paths) in Queries)
        {
            foreach (var path in paths)
            {
                await GetAsync(daemon, path, cancellationToken);
            }

            var times = new List<double>();
            for (var round = 0; round < Math.Max(7, context.Options.Repeats * 4); round++)
            {
                foreach (var path in paths)
                {
                    times.Add(await GetAsync(daemon, path, cancellationToken));
                }
            }

            result[name] = Stats.Of(times);
        }

        return result;
    }

    internal static async Task<double> GetAsync(DaemonProcess daemon, string path, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var response = await daemon.Client.GetAsync(path, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var ms = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
        }

        return ms;
    }
}
