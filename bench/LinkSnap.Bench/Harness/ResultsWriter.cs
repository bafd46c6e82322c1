using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LinkSnap.Bench.Harness;

/// <summary>Writes bench/results/latest.json (temp file, then rename: a killed run never leaves half a file).</summary>
public static class ResultsWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task WriteAsync(string path, IReadOnlyList<BenchRow> rows, BenchReport report, BenchOptions options, DateTimeOffset started, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var document = new
        {
            startedAt = started.UtcDateTime.ToString("O"),
            durationSeconds = Math.Round(elapsed.TotalSeconds, 1),
            machine = new
            {
                os = RuntimeInformation.OSDescription,
                cores = Environment.ProcessorCount,
                memoryGiB = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
                dotnet = RuntimeInformation.FrameworkDescription,
            },
            options = new { options.Full, options.Only, options.ExtractionPages, options.Repeats },
            rows,
            details = report.Details,
        };

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
        {
            await JsonSerializer.SerializeAsync(stream, document, Json, cancellationToken);
        }

        File.Move(temp, path, overwrite: true);
    }
}
