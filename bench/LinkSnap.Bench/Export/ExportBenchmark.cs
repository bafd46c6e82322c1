using System.Diagnostics;
using LinkSnap.Bench.Harness;
using LinkSnap.Bench.Scale;
using LinkSnap.Core.Export;
using LinkSnap.Shared;
using LinkSnap.Core.Storage;

namespace LinkSnap.Bench.Export;

/// <summary>
/// Issue 14: export of 100,000 links (time and peak memory) in each format, in-process over the
/// synthetic library of the scale section. The exports stream, so the peak managed heap at 100,000
/// links should stay near the peak at 10,000: that ratio is the row's target.
/// </summary>
public sealed class ExportBenchmark : IBenchmark
{
    private static readonly ExportFormat[] Formats = [ExportFormat.Json, ExportFormat.Html, ExportFormat.Csv, ExportFormat.Zip];

    public string Section => "export";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var dataDirectory = context.WorkPath("export");
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        var paths = new LinkSnapPaths(dataDirectory);
        paths.EnsureCreated();
        using var database = new LinkSnapDatabase(paths.DatabasePath);
        database.Migrate();
        var large = context.Options.ScaleLarge;
        var small = Math.Min(10_000, large);
        SyntheticLibrary.Seed(paths.DatabasePath, small, seed: 1);
        var atSmall = new Dictionary<ExportFormat, (double Seconds, long PeakHeap, long Bytes)>();
        foreach (var format in Formats)
        {
            atSmall[format] = await MeasureAsync(database, paths, format, cancellationToken);
        }

        SyntheticLibrary.Seed(paths.DatabasePath, large - small, seed: 2);
        foreach (var format in Formats)
        {
            var (seconds, peak, bytes) = await MeasureAsync(database, paths, format, cancellationToken);
            var ratio = (double)peak / Math.Max(atSmall[format].PeakHeap, 1);
            context.Report.Add(new BenchRow
            {
                Section = Section,
                Figure = $"export of {large:N0} links, {format.ToString().ToLowerInvariant()}: time / peak heap (at {small:N0})",
                Value = seconds,
                ValueText = $"{seconds:0.0} s / {peak / 1_048_576.0:0} MB ({atSmall[format].Seconds:0.0} s / {atSmall[format].PeakHeap / 1_048_576.0:0} MB)",
                Ratio = ratio,
                Target = $"peak heap ≤ 1.5× the peak at {small:N0} (streams)",
                Met = ratio <= 1.5,
                Note = $"file {bytes / 1_048_576.0:0} MB; heap sampled every 20 ms after a full GC",
                Unit = "s",
            });
        }
    }

    private static async Task<(double Seconds, long PeakHeap, long Bytes)> MeasureAsync(LinkSnapDatabase database, LinkSnapPaths paths, ExportFormat format, CancellationToken cancellationToken)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false) - baseline);
                await Task.Delay(20, CancellationToken.None);
            }
        }, CancellationToken.None);
        var file = Path.Combine(paths.DataDirectory, "export." + ExportFormats.FileExtension(format));
        var clock = Stopwatch.StartNew();
        await using (var output = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            await new LibraryExporter(database, paths, TimeProvider.System).WriteAsync(ExportSelection.WholeLibrary, format, output, cancellationToken);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        var bytes = new FileInfo(file).Length;
        File.Delete(file);
        return (seconds, peak, bytes);
    }
}
