namespace LinkSnap.Bench.Scoring;

/// <summary>
/// The metric of the Zyte/Scrapinghub article-extraction benchmark, reimplemented exactly:
/// 4-token shingles counted as multisets, tp/fp/fn normalized per document so that long
/// articles weigh no more than short ones; precision and recall are averaged over documents
/// (skipping documents where they are undefined) and F1 is the harmonic mean of those averages.
/// </summary>
public static class ShingleScorer
{
    public const int DefaultShingleSize = 4;

    public static ShingleScore Score(string? truth, string? prediction, int n = DefaultShingleSize)
    {
        var trueShingles = Shingles(truth, n);
        var predShingles = Shingles(prediction, n);
        double tp = 0, fp = 0, fn = 0;
        foreach (var key in trueShingles.Keys.Union(predShingles.Keys))
        {
            var t = trueShingles.GetValueOrDefault(key);
            var p = predShingles.GetValueOrDefault(key);
            tp += Math.Min(t, p);
            fp += Math.Max(0, p - t);
            fn += Math.Max(0, t - p);
        }

        var sum = tp + fp + fn;
        return sum > 0 ? new ShingleScore(tp / sum, fp / sum, fn / sum) : new ShingleScore(0, 0, 0);
    }

    public static Dictionary<string, int> Shingles(string? text, int n = DefaultShingleSize)
    {
        var tokens = WordTokenizer.Tokenize(text);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);

        // As in the benchmark: a text shorter than n tokens is one (short) shingle; no tokens, none.
        var count = Math.Max(1, tokens.Count - n + 1);
        for (var i = 0; i < count; i++)
        {
            var take = Math.Min(n, tokens.Count - i);
            if (take <= 0)
            {
                continue;
            }

            // U+0001 cannot occur inside a token, so joined shingles compare like the benchmark's tuples.
            var key = string.Join('\u0001', tokens.GetRange(i, take));
            result[key] = result.GetValueOrDefault(key) + 1;
        }

        return result;
    }

    public static ExtractionQuality Aggregate(IReadOnlyCollection<ShingleScore> scores)
    {
        var precisions = scores.Where(s => s.TruePositives + s.FalsePositives > 0).Select(s => s.Precision).ToList();
        var recalls = scores.Where(s => s.TruePositives + s.FalseNegatives > 0).Select(s => s.Recall).ToList();
        var precision = precisions.Count == 0 ? 0 : precisions.Average();
        var recall = recalls.Count == 0 ? 0 : recalls.Average();
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ExtractionQuality(precision, recall, f1, scores.Count);
    }
}
