namespace LinkSnap.Bench.Scoring;

/// <summary>
/// F1 of two visible texts as bags of words (same tokens as the extraction metric, with
/// multiplicity): how much of the reference's text the copy shows, and how much it adds.
/// Order is ignored on purpose: layout may reflow lines without hiding anything from a reader.
/// </summary>
public static class TextF1
{
    public static double Score(string? reference, string? candidate) => Score(reference, candidate, WordTokenizer.Tokenize);

    /// <summary>The same F1 over another tokenization (e.g. one token per CJK character).</summary>
    public static double Score(string? reference, string? candidate, Func<string?, IEnumerable<string>> tokenize)
    {
        var expected = Count(reference, tokenize);
        var actual = Count(candidate, tokenize);
        var expectedTotal = expected.Values.Sum();
        var actualTotal = actual.Values.Sum();
        if (expectedTotal == 0 && actualTotal == 0)
        {
            return 1;
        }

        if (expectedTotal == 0 || actualTotal == 0)
        {
            return 0;
        }

        var common = expected.Sum(pair => Math.Min(pair.Value, actual.GetValueOrDefault(pair.Key)));
        var precision = (double)common / actualTotal;
        var recall = (double)common / expectedTotal;
        return common == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static Dictionary<string, int> Count(string? text, Func<string?, IEnumerable<string>> tokenize)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in tokenize(text))
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        return counts;
    }
}
