namespace LinkSnap.Bench.Harness;

/// <summary>Median, min–max and percentiles of repeated measurements (nearest-rank percentiles).</summary>
public sealed record Stats(int Count, double Median, double Min, double Max, double P95)
{
    public static Stats Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Stats(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        return new Stats(sorted.Length, MedianOf(sorted), sorted[0], sorted[^1], Percentile(sorted, 95));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double MedianOf(double[] sorted)
    {
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>"12.3 (10.1–15.0)" with the given number format.</summary>
    public string Format(string format = "0.0", string unit = "") =>
        Count == 0 ? "n/a" : $"{Median.ToString(format)}{unit} ({Min.ToString(format)}–{Max.ToString(format)})";
}
