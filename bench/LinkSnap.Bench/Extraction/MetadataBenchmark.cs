using System.Text.Json;
using System.Text.RegularExpressions;
using LinkSnap.Bench.Harness;
using LinkSnap.Core.Capture;
using LinkSnap.Testing;

namespace LinkSnap.Bench.Extraction;

/// <summary>
/// Issue 5 §1, second half: metadata of Mozilla Readability's test pages (corpus
/// extraction/readability) against their expected-metadata.json. A field matches when both are
/// empty or both are equal after trimming and collapsing whitespace. Real pages first, in id order.
/// </summary>
public sealed partial class MetadataBenchmark : IBenchmark
{
    private static readonly (string Field, Func<PageMetadata, string?> Actual)[] Fields =
    [
        ("title", m => m.Title),
        ("byline", m => m.Byline),
        ("excerpt", m => m.Excerpt),
        ("siteName", m => m.SiteName),
        ("lang", m => m.Language),
        ("publishedTime", m => m.PublishedTime),
    ];

    public string Section => "metadata";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var root = context.CorpusRoot is null ? null : Path.Combine(context.CorpusRoot, "extraction/readability");
        if (root is null || !Directory.Exists(root))
        {
            context.Report.NotMeasured(Section, "metadata match rate", "", "corpus extraction/readability not found");
            return;
        }

        var pages = File.ReadLines(Path.Combine(root, "index.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .OrderBy(p => p.GetProperty("kind").GetString() == "real" ? 0 : 1)
            .ThenBy(p => p.GetProperty("id").GetString(), StringComparer.Ordinal)
            .Select(p => p.GetProperty("id").GetString()!)
            .Take(context.Options.MetadataPages)
            .ToList();

        await using var capturer = await LinkSnapCapturers.CreateAsync(context, Section, cancellationToken);
        if (capturer is null)
        {
            context.Report.NotMeasured(Section, "metadata match rate", "", LinkSnapCapturers.MissingReason);
            return;
        }

        context.Report.Detail($"{Section}.linkSnapVia", capturer.Description);
        await using var server = await FixtureServer.StartAsync();
        var matches = Fields.ToDictionary(f => f.Field, _ => 0);
        var misses = new List<object>();
        foreach (var id in pages)
        {
            var folder = Path.Combine(root, "pages", id);
            server.MapContent($"/readability/{id}/", "text/html; charset=utf-8", await File.ReadAllBytesAsync(Path.Combine(folder, "source.html"), cancellationToken));
            using var expected = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "expected-metadata.json"), cancellationToken));
            var result = await capturer.CaptureAsync(server.Url($"/readability/{id}/"), context.WorkPath("metadata", id), cancellationToken);
            foreach (var (field, actual) in Fields)
            {
                var want = expected.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                var got = actual(result.Metadata);
                if (Normalize(want) == Normalize(got))
                {
                    matches[field]++;
                }
                else if (misses.Count < 60)
                {
                    misses.Add(new { id, field, expected = want, actual = got });
                }
            }
        }

        foreach (var (field, _) in Fields)
        {
            context.Report.Add(new BenchRow
            {
                Section = Section,
                Figure = $"{field} matches expected-metadata ({pages.Count} pages)",
                Value = (double)matches[field] / pages.Count,
                ValueText = $"{(double)matches[field] / pages.Count:0.000} ({matches[field]}/{pages.Count})",
                Target = "(information)",
            });
        }

        context.Report.Detail("metadata.misses", misses);
    }

    private static string Normalize(string? value) => Whitespace().Replace(value ?? "", " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
