namespace LinkSnap.Bench.Extraction;

/// <summary>F1 published by the benchmark's authors for the reference outputs we ship; our scorer must reproduce them.</summary>
public static class PublishedScores
{
    public static readonly IReadOnlyDictionary<string, double> F1 = new Dictionary<string, double>
    {
        ["readability_js"] = 0.947,
        ["trafilatura"] = 0.958,
        ["go_trafilatura"] = 0.960,
        ["html-text"] = 0.665,
    };
}
