// linksnap-bench: run by scripts/bench. Measures what issue 5 asks, prints one table and writes
// bench/results/latest.json. Benchmarks, not tests: nothing here fails on a slow figure.
using System.Diagnostics;
using LinkSnap.Bench.Archive;
using LinkSnap.Bench.Extraction;
using LinkSnap.Bench.Fidelity;
using LinkSnap.Bench.Harness;
using LinkSnap.Bench.Relay;
using LinkSnap.Bench.Scale;
using LinkSnap.Bench.Export;
using LinkSnap.Bench.Speed;
using LinkSnap.Bench.Versions;
using LinkSnap.Bench.Daemon;
using LinkSnap.Testing;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var started = DateTimeOffset.UtcNow;
var clock = Stopwatch.StartNew();
var report = new BenchReport();
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };

IBenchmark[] sections =
[
    new ThroughputBenchmark(),
    new ExtractionBenchmark(),
    new FidelityBenchmark(),
    new RelayBenchmark(),
    new LibraryScaleBenchmark(),
    new MetadataBenchmark(),
    new DiffBenchmark(),
    new WatchBenchmark(),
    new PageMetadataBenchmark(),
    new ExportBenchmark(),
    new WaczBenchmark(),
    new BurstBenchmark(),
    new ImportBenchmark(),
    new LinkSnap.Bench.Health.HealthBenchmark(),
    new LinkSnap.Bench.Quality.QualityBenchmark(),
    new LinkSnap.Bench.Compare.BeforeAfterBenchmark(),
];

await using (var context = new BenchContext(options, report, Corpus.RepositoryRoot, Corpus.Root))
{
    foreach (var section in sections.Where(s => options.Includes(s.Section)))
    {
        var sectionClock = Stopwatch.StartNew();
        Console.Error.WriteLine($"[bench] {section.Section} ...");
        try
        {
            await section.RunAsync(context, cts.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One broken section must not hide the others' figures; the row says what happened.
            report.NotMeasured(section.Section, $"{section.Section}: section failed", "", $"{e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine(e);
        }

        report.Detail($"{section.Section}.seconds", Math.Round(sectionClock.Elapsed.TotalSeconds, 1));
        Console.Error.WriteLine($"[bench] {section.Section} done in {sectionClock.Elapsed.TotalSeconds:0.0} s");

        // Written after every section: a run stopped half-way still leaves what it measured.
        await ResultsWriter.WriteAsync(OutputPath(options), Ordered(report), report, options, started, clock.Elapsed, CancellationToken.None);
    }
}

var outputPath = OutputPath(options);
var rows = Ordered(report);
await ResultsWriter.WriteAsync(outputPath, rows, report, options, started, clock.Elapsed, CancellationToken.None);
Console.WriteLine(TablePrinter.Render(rows));
Console.WriteLine($"Total {clock.Elapsed.TotalMinutes:0.0} min; results written to {outputPath}");
return 0;

// The table reads in the order, whatever order the sections ran in.
static int SectionOrder(string section) =>
    Array.IndexOf(["extraction", "metadata", "fidelity", "speed", "relay", "scale", "memory", "export", "versions", "watch", "wacz", "burst", "import", "health", "quality", "compare"], section) is var i and >= 0 ? i : 99;

static string OutputPath(BenchOptions options) =>
    Path.IsPathRooted(options.OutputPath) ? options.OutputPath : Path.Combine(Corpus.RepositoryRoot, options.OutputPath);

static List<BenchRow> Ordered(BenchReport report) => report.Rows.OrderBy(r => SectionOrder(r.Section)).ToList();
