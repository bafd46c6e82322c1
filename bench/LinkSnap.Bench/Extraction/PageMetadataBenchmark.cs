using System.Text.Json;
using LinkSnap.Bench.Harness;
using LinkSnap.Bench.Scoring;
using LinkSnap.Core.Capture.Metadata;
using LinkSnap.Testing;

namespace LinkSnap.Bench.Extraction;

/// <summary>
/// Issue 18 items 1-4: title, author and published date on extraction/postlight and
/// extraction/zh-cwced-dev against their ground truth, and article text (CJK character F1) on
/// zh-cwced-dev. LinkSnap's metadata layer beside Readability.js's own metadata on the same pages.
/// The engine's scripts are run directly (see <see cref="MetadataScriptRunner"/>), not through captures.
/// </summary>
public sealed class PageMetadataBenchmark : IBenchmark
{
    public string Section => "pagemeta";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        if (context.CorpusRoot is null || !Directory.Exists(Path.Combine(context.CorpusRoot, "extraction/postlight")))
        {
            context.Report.NotMeasured(Section, "title/author/date (postlight, zh-cwced-dev)", "", "corpus extraction/postlight not found");
            return;
        }

        var browser = await context.BrowserAsync();
        foreach (var set in new[] { "postlight", "zh-cwced-dev" })
        {
            var pages = MetadataCorpus.Load(context.CorpusRoot, set);
            var results = await MetadataScriptRunner.RunAsync(browser, pages, cancellationToken);
            await File.WriteAllTextAsync(context.WorkPath("pagemeta", set + ".json"), JsonSerializer.Serialize(results), cancellationToken);
            var authorMatch = AuthorMatch(set);
            Row(context, set, "title exact", "≥ 0.85", 0.85, pages, p => p.Title, MetadataMatch.Exact, r => r.Scan?.Title, r => r.ReadabilityTitle, results);
            Row(context, set, "title contained", "(information)", null, pages, p => p.Title, MetadataMatch.Contains, r => r.Scan?.Title, r => r.ReadabilityTitle, results);
            Row(context, set, set == "postlight" ? "author exact" : "author (contained either way)", "≥ 0.75", 0.75, pages, p => p.Author, authorMatch, r => r.Scan?.Author, r => r.ReadabilityByline, results);
            Row(context, set, "author contained", "(information)", null, pages, p => p.Author, MetadataMatch.Contains, r => r.Scan?.Author, r => r.ReadabilityByline, results);
            Row(context, set, "published date, same day", "≥ 0.85", 0.85, pages, p => p.Published, MetadataMatch.SameDay, r => r.Scan?.Published, r => r.ReadabilityPublished, results);
            if (set == "zh-cwced-dev")
            {
                var scored = pages.Where(p => p.Text is not null).ToList();
                var f1 = scored.Average(p => TextF1.Score(p.Text, results[p.Id].Text, CjkTokenizer.Tokenize));
                context.Report.Add(new BenchRow
                {
                    Section = Section,
                    Figure = $"article text CJK character F1, zh-cwced-dev ({scored.Count} pages)",
                    Value = f1,
                    Target = "≥ 0.95",
                    Met = f1 >= 0.95,
                    Note = "engine's article script with its fallback, run directly",
                });
            }

            var misses = pages.Select(p => new { p.Id, want = new { p.Title, p.Author, p.Published }, got = results[p.Id].Scan })
                .Where(m => !MetadataMatch.Exact(m.want.Title, m.got?.Title) || !MetadataMatch.Contains(m.want.Author, m.got?.Author) || !MetadataMatch.SameDay(m.want.Published, m.got?.Published))
                .ToList();
            context.Report.Detail($"pagemeta.{set}.misses", misses);
        }
    }

    /// <summary>postlight's authors are matched exactly; zh-cwced-dev's hand-copied ones contained either way (corpus README).</summary>
    public static Func<string?, string?, bool> AuthorMatch(string set) =>
        set == "postlight" ? MetadataMatch.Exact : MetadataMatch.Contains;

    private static void Row(
        BenchContext context, string set, string name, string target, double? goal, IReadOnlyList<MetadataPage> pages, Func<MetadataPage, string?> truth,
        Func<string?, string?, bool> match, Func<ScriptResult, string?> ours, Func<ScriptResult, string?> peer, IReadOnlyDictionary<string, ScriptResult> results)
    {
        var scored = pages.Where(p => truth(p) is not null).ToList();
        context.Report.Add(FieldRow(
            set, name, target, goal, scored.Count,
            scored.Count(p => match(truth(p), ours(results[p.Id]))),
            scored.Count(p => match(truth(p), peer(results[p.Id])))));
    }

    /// <summary>
    /// One field's rate on one set beside Readability.js's. A set with no ground truth for the field
    /// (zh-cwced-dev has no titles) has no rate: its row says "-" (not applicable), not 0/0 with a
    /// failed target.
    /// </summary>
    public static BenchRow FieldRow(string set, string name, string target, double? goal, int scored, int matched, int peerMatched)
    {
        var figure = $"{name}, {set} ({scored} pages)";
        if (scored == 0)
        {
            return new BenchRow { Section = "pagemeta", Figure = figure, ValueText = "-", PeerText = "-", Target = target, Note = $"{set} has no ground truth for this field" };
        }

        var value = (double)matched / scored;
        return new BenchRow
        {
            Section = "pagemeta",
            Figure = figure,
            Value = value,
            Peer = "Readability.js",
            PeerValue = (double)peerMatched / scored,
            Target = target,
            Met = goal is null ? null : value >= goal,
        };
    }
}
