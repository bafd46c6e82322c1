using System.Diagnostics;
using System.Text;
using LinkSnap.Bench.Harness;
using LinkSnap.Core.Versions;

namespace LinkSnap.Bench.Versions;

/// <summary>Time to diff two versions of a 50,000-word article (the text part of "compare two versions").</summary>
public sealed class DiffBenchmark : IBenchmark
{
    private const int Words = 50_000;
    private const int Runs = 7;

    public string Section => "versions";

    public Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var (before, after) = Article();
        TextDiff.Compare(before, after); // JIT and DiffPlex's first use are not what a person waits for twice
        var times = new List<double>();
        TextDiffResult? result = null;
        for (var run = 0; run < Runs; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            result = TextDiff.Compare(before, after);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var stats = Stats.Of(times);
        context.Report.Add(new BenchRow
        {
            Section = Section,
            Figure = $"text diff of two versions of a {Words:N0}-word article ({Runs} runs)",
            Value = stats.Median,
            ValueText = stats.Format("0", " ms"),
            Target = "≤ 200 ms (median)",
            Met = stats.Median <= 200,
            Note = $"625 paragraphs, 60 edited (words replaced, a sentence inserted, a paragraph removed): +{result!.InsertedWords} −{result.DeletedWords} words; in-process TextDiff.Compare, no I/O",
        });
        context.Report.Detail("versions.diffMs", stats);
        AddLarge(context, paragraphs: true, cancellationToken);
        AddLarge(context, paragraphs: false, cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The bad-input case of issue 15 item 8: a 5 MB article with three edits, once in paragraphs and
    /// once as a single paragraph (a page whose text has no line breaks), 3 runs each.
    /// </summary>
    private void AddLarge(BenchContext context, bool paragraphs, CancellationToken cancellationToken)
    {
        var (before, after) = LargeArticle(paragraphs);
        var times = new List<double>();
        TextDiffResult? result = null;
        for (var run = 0; run < 3; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            result = TextDiff.Compare(before, after);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var stats = Stats.Of(times);
        var shape = paragraphs ? "in paragraphs" : "as one paragraph";
        context.Report.Add(new BenchRow
        {
            Section = Section,
            Figure = $"text diff of a {before.Length / 1_000_000.0:0.0} MB article {shape}, three edits (3 runs)",
            Value = stats.Median,
            ValueText = stats.Format("0", " ms"),
            Target = "bounded: well under the 30 s API timeout; says so when coarse",
            Met = stats.Max < 5_000,
            Note = $"+{result!.InsertedWords} −{result.DeletedWords} words, coarse: {(result.Coarse ? "yes (shown removed and re-added whole)" : "no")}",
        });
        context.Report.Detail(paragraphs ? "versions.diff5MbParagraphsMs" : "versions.diff5MbOneParagraphMs", stats);
    }

    private static (string Before, string After) LargeArticle(bool paragraphs)
    {
        var random = new Random(7);
        string[] vocabulary = [.. Enumerable.Range(0, 5000).Select(i => new string((char)('a' + i % 26), 1) + Convert.ToString(i * 7919 % 100_000, 16))];
        var text = new StringBuilder();
        while (text.Length < 5_000_000)
        {
            text.Append(string.Join(' ', Enumerable.Range(0, 80).Select(_ => vocabulary[random.Next(vocabulary.Length)])));
            text.Append(paragraphs ? ".\n" : ". ");
        }

        var before = text.ToString();
        var after = new StringBuilder(before);
        foreach (var at in new[] { before.Length / 5, before.Length / 2, before.Length * 4 / 5 })
        {
            var space = before.IndexOf(' ', at);
            after.Insert(space, " an edited clause");
        }

        return (before, after.ToString());
    }

    /// <summary>Deterministic pseudo-English paragraphs of 80 words; every tenth paragraph edited.</summary>
    private static (string Before, string After) Article()
    {
        var random = new Random(5);
        string[] vocabulary = [.. Enumerable.Range(0, 3000).Select(i => new string((char)('a' + i % 26), 1) + Convert.ToString(i * 7919 % 100_000, 16))];
        var before = new StringBuilder();
        var after = new StringBuilder();
        for (var p = 0; p < Words / 80; p++)
        {
            var words = Enumerable.Range(0, 80).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
            var paragraph = string.Join(' ', words) + ".\n";
            before.Append(paragraph);
            if (p % 10 != 3)
            {
                after.Append(paragraph);
                continue;
            }

            if (p % 30 == 3)
            {
                continue; // the paragraph was removed
            }

            words[random.Next(80)] = "changed";
            words[random.Next(80)] += " with a newly inserted clause";
            after.Append(string.Join(' ', words)).Append(".\n");
        }

        return (before.ToString(), after.ToString());
    }
}
