using System.Diagnostics;
using LinkSnap.Bench.Daemon;
using LinkSnap.Bench.Fidelity;
using LinkSnap.Bench.Harness;
using LinkSnap.Bench.Relay;
using LinkSnap.Bench.Scale;
using LinkSnap.Testing;
using Microsoft.Data.Sqlite;

namespace LinkSnap.Bench.Compare;

/// <summary>
/// Issue 12's "no regression" check: relay time, per-page capture time and library latency of an older
/// build (scripts/bench --compare-with REV) and of HEAD, in the same run, in interleaved rounds (see
/// <see cref="Interleaved"/>), each build with its own daemon on its own copy of one synthetic library.
/// Every ratio is HEAD ÷ base: above 1 means HEAD is slower.
/// </summary>
public sealed class BeforeAfterBenchmark : IBenchmark
{
    /// <summary>What counts as no regression: load on this shared machine moves medians by a few per cent.</summary>
    private const double Tolerance = 1.10;

    public string Section => "compare";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var (baseBuild, headBuild) = BuildUnderTest.FromEnvironment();
        var fidelityRoot = context.CorpusRoot is null ? null : Path.Combine(context.CorpusRoot, "fidelity");
        if (baseBuild is not { IsComplete: true } || headBuild is not { IsComplete: true } || fidelityRoot is null || !Directory.Exists(fidelityRoot))
        {
            var reason = fidelityRoot is null || !Directory.Exists(fidelityRoot)
                ? "corpus fidelity/ not found"
                : "both builds are needed: run scripts/bench --compare-with REV";
            context.Report.NotMeasured(Section, "before/after: relay, per-page capture, library", $"HEAD ≤ {Tolerance:0.00}× base", reason);
            return;
        }

        var library = SeedLibrary(context);
        var sides = new List<Side>();
        try
        {
            foreach (var build in new[] { baseBuild, headBuild })
            {
                sides.Add(await Side.StartAsync(context, build, library, cancellationToken));
            }

            var (before, after) = (sides[0], sides[1]);
            await LibraryAsync(context, before, after, cancellationToken);
            await RelayAsync(context, before, after, cancellationToken);
            await CapturesAsync(context, fidelityRoot, before, after, cancellationToken);
            context.Report.Detail("compare.base", baseBuild.Label);
        }
        finally
        {
            foreach (var side in sides)
            {
                await side.Daemon.DisposeAsync();
            }
        }
    }

    /// <summary>One library for both builds, seeded with HEAD's schema (older daemons ignore columns they do not know).</summary>
    private static string SeedLibrary(BenchContext context)
    {
        var path = SyntheticLibrary.CreateEmpty(context.WorkPath("compare", "library"));
        var clock = Stopwatch.StartNew();
        SyntheticLibrary.Seed(path, context.Options.ScaleLarge, seed: 1);
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            // Everything into the main file, so one copy per build is the whole library.
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        context.Report.Detail("compare.seedSeconds", Math.Round(clock.Elapsed.TotalSeconds, 1));
        return path;
    }

    /// <summary>
    /// Untimed rounds before the timed ones. One warm request per query is not enough: .NET moves a method
    /// to optimised code only after about 30 calls (tiered compilation), so the first timed rounds measured
    /// which daemon's compiler had caught up, not which build does less work. 30 rounds were still not enough:
    /// HEAD's daemon starts second, just before these rounds, and measured 1.14–1.67× slower in two idle runs
    /// while the same two builds on copies of the same library, warm, were equal (curl, 400 requests each).
    /// With 300 rounds (about 12 s a side) three idle runs gave 0.92–1.04×.
    /// </summary>
    private const int LibraryWarmupRounds = 300;

    private static async Task LibraryAsync(BenchContext context, Side before, Side after, CancellationToken cancellationToken)
    {
        await Interleaved.RunAsync(before, after, LibraryWarmupRounds, async (side, _) =>
        {
            foreach (var (_, paths) in LibraryScaleBenchmark.Queries)
            {
                foreach (var path in paths)
                {
                    await LibraryScaleBenchmark.GetAsync(side.Daemon, path, cancellationToken);
                }
            }
        }, cancellationToken);

        // A request takes milliseconds, so many rounds are cheap (a few seconds a side).
        var rounds = Math.Max(30, context.Options.Repeats * 8);
        await Interleaved.RunAsync(before, after, rounds, async (side, _) =>
        {
            foreach (var (name, paths) in LibraryScaleBenchmark.Queries)
            {
                var round = 0.0;
                foreach (var path in paths)
                {
                    var ms = await LibraryScaleBenchmark.GetAsync(side.Daemon, path, cancellationToken);
                    side.Times($"library {name}").Add(ms);
                    round += ms;
                }

                side.Times($"library {name} rounds").Add(round);
            }
        }, cancellationToken);

        foreach (var (name, _) in LibraryScaleBenchmark.Queries)
        {
            var key = $"library {name}";
            var ratios = PairedRatio.Of(after.Times($"{key} rounds"), before.Times($"{key} rounds"));
            AddRow(context, before, after, key, $"{key} at {context.Options.ScaleLarge:N0} links: p50 (p95)", $"{rounds} rounds × 3 variants", p95: true, pairedRatio: ratios);
        }
    }

    private static async Task RelayAsync(BenchContext context, Side before, Side after, CancellationToken cancellationToken)
    {
        // One untimed run each: the first exec of a binary pays for the page cache, not for the relay.
        foreach (var side in new[] { before, after })
        {
            await RelayBenchmark.RoundTripAsync(side.Build.Relay, side.Daemon.DataDirectory, cancellationToken);
        }

        string? failure = null;
        await Interleaved.RunAsync(before, after, context.Options.RelayRuns, async (side, _) =>
        {
            var (ms, error) = await RelayBenchmark.RoundTripAsync(side.Build.Relay, side.Daemon.DataDirectory, cancellationToken);
            failure ??= error is null ? null : $"{side.Build.Label}: {error}";
            side.Times("relay").Add(ms);
        }, cancellationToken);

        AddRow(context, before, after, "relay", "relay cold start + ping round trip (NativeAOT)", $"{context.Options.RelayRuns} rounds", failure: failure);
    }

    /// <summary>
    /// Request to finished job through each warm daemon, on the first fidelity sites; every capture has its
    /// own URL (a query naming build and round), so each one is a new link doing the whole work.
    /// </summary>
    private static async Task CapturesAsync(BenchContext context, string fidelityRoot, Side before, Side after, CancellationToken cancellationToken)
    {
        var sites = FidelitySite.Discover(fidelityRoot).Take(context.Options.CompareSites).ToList();
        var servers = new List<(FidelitySite Site, FixtureServer Server)>();
        try
        {
            foreach (var site in sites)
            {
                var server = await FixtureServer.StartAsync();
                server.MapDirectory("/", site.Directory);
                servers.Add((site, server));
            }

            // Untimed: the first capture also pays the browser launch, the first context and the JIT.
            foreach (var side in new[] { before, after })
            {
                await side.CaptureAsync(servers[0].Server.Url($"/?warm={side.Build.Label}"), cancellationToken);
            }

            var failures = new List<string>();
            await Interleaved.RunAsync(before, after, context.Options.CompareRounds, async (side, round) =>
            {
                foreach (var (site, server) in servers)
                {
                    Console.Error.WriteLine($"[bench]   compare capture {site.Name} round {round + 1} on {side.Build.Label}");
                    var (ms, outcome) = await side.CaptureAsync(server.Url($"/?compare={side.Build.Label}-{round}"), cancellationToken);
                    side.Times($"capture {site.Name}").Add(ms);
                    if (outcome is not "done")
                    {
                        failures.Add($"{side.Build.Label} {site.Name}: {outcome}");
                    }
                }
            }, cancellationToken);

            // Per site: the median over rounds; the row: the median over sites (and of the per-site ratios).
            var keys = sites.Select(s => $"capture {s.Name}").ToList();
            var ours = Stats.Of(keys.Select(k => Stats.Of(after.Times(k)).Median));
            var theirs = Stats.Of(keys.Select(k => Stats.Of(before.Times(k)).Median));
            var ratio = Stats.Of(keys.Select(k => Stats.Of(after.Times(k)).Median / Stats.Of(before.Times(k)).Median));
            context.Report.Add(new BenchRow
            {
                Section = "compare",
                Figure = $"per-page capture wall time, {sites.Count} fidelity sites × {context.Options.CompareRounds} rounds",
                Value = ours.Median,
                ValueText = ours.Format("0", " ms"),
                Peer = before.Build.Label,
                PeerValue = theirs.Median,
                PeerText = theirs.Format("0", " ms") + $" [{before.Build.Label}]",
                Ratio = ratio.Median,
                Target = $"HEAD ≤ {Tolerance:0.00}× base",
                Met = failures.Count == 0 && ratio.Median <= Tolerance,
                Note = $"median over sites of each site's median; ratio = median of per-site HEAD ÷ base ({ratio.Min:0.00}–{ratio.Max:0.00})"
                    + (failures.Count == 0 ? "" : "; not done: " + string.Join(", ", failures)),
            });
            context.Report.Detail("compare.captureMs", new[] { before, after }.ToDictionary(s => s.Build.Label, s => keys.ToDictionary(k => k, k => Stats.Of(s.Times(k)))));
        }
        finally
        {
            foreach (var (_, server) in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <param name="pairedRatio">When given, the row's ratio is the median of these per-round ratios rather than the ratio of the medians.</param>
    private static void AddRow(
        BenchContext context, Side before, Side after, string key, string figure, string runs, bool p95 = false, string? failure = null, Stats? pairedRatio = null)
    {
        var ours = Stats.Of(after.Times(key));
        var theirs = Stats.Of(before.Times(key));
        string Text(Stats s) => p95 ? $"{s.Median:0.0} ({s.P95:0.0}) ms" : s.Format("0.0", " ms");
        var ratio = pairedRatio?.Median ?? ours.Median / theirs.Median;
        context.Report.Add(new BenchRow
        {
            Section = "compare",
            Figure = figure,
            Value = ours.Median,
            ValueText = Text(ours),
            Peer = before.Build.Label,
            PeerValue = theirs.Median,
            PeerText = Text(theirs) + $" [{before.Build.Label}]",
            Ratio = ratio,
            Target = $"HEAD ≤ {Tolerance:0.00}× base",
            Met = failure is null && ratio <= Tolerance,
            Note = $"medians of {runs}, interleaved; ratio = HEAD ÷ base"
                + (pairedRatio is { } r ? $", the median of per-round ratios ({r.Min:0.00}–{r.Max:0.00}; ratio of the p50s {ours.Median / theirs.Median:0.00})" : "")
                + (failure is null ? "" : $"; a run failed: {failure}"),
        });
        context.Report.Detail($"compare.{key}", new Dictionary<string, Stats> { [before.Build.Label] = theirs, [after.Build.Label] = ours });
    }

    /// <summary>A build with its daemon running on its own copy of the library, and what was timed on it.</summary>
    private sealed class Side(BuildUnderTest build, DaemonProcess daemon)
    {
        private readonly Dictionary<string, List<double>> _times = [];

        public BuildUnderTest Build => build;
        public DaemonProcess Daemon => daemon;

        public List<double> Times(string key) => _times.TryGetValue(key, out var list) ? list : _times[key] = [];

        public static async Task<Side> StartAsync(BenchContext context, BuildUnderTest build, string library, CancellationToken cancellationToken)
        {
            var dataDirectory = context.WorkPath("compare", "daemons", build.Label);
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }

            Directory.CreateDirectory(dataDirectory);
            File.Copy(library, Path.Combine(dataDirectory, "linksnap.db"));
            // No scheduled health checks: the seeded links are all due, so each daemon would spend the
            // timed rounds looking up hundreds of made-up hosts and writing the results, at its own pace.
            return new Side(build, await DaemonProcess.StartAsync(build.Daemon!, dataDirectory, ["--Health:Enabled=false"], cancellationToken));
        }

        public async Task<(double Ms, string Outcome)> CaptureAsync(Uri url, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var (_, snapshotId) = await DaemonApi.PostCaptureAsync(daemon.Client, url, null, cancellationToken);
            var snapshot = await DaemonApi.WaitFinishedAsync(daemon.Client, snapshotId, TimeSpan.FromMinutes(4), cancellationToken);
            return (clock.Elapsed.TotalMilliseconds, snapshot.GetProperty("status").GetString() ?? "?");
        }
    }
}
