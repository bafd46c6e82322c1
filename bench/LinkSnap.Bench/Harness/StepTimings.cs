namespace LinkSnap.Bench.Harness;

/// <summary>Median and min–max of each step the engine timed ("navigate", "settle", "screenshot", ...).</summary>
public static class StepTimings
{
    public static Dictionary<string, Stats> Summarize(IEnumerable<IReadOnlyDictionary<string, double>> timings)
    {
        var list = timings.ToList();
        return list.SelectMany(t => t.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(k => k, k => Stats.Of(list.Where(t => t.ContainsKey(k)).Select(t => Math.Round(t[k], 1))));
    }
}
