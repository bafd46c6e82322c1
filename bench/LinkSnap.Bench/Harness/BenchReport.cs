namespace LinkSnap.Bench.Harness;

/// <summary>Everything one run measured: the table rows plus per-section details for latest.json.</summary>
public sealed class BenchReport
{
    private readonly List<BenchRow> _rows = [];
    private readonly Dictionary<string, object?> _details = new(StringComparer.Ordinal);

    public IReadOnlyList<BenchRow> Rows => _rows;

    public IReadOnlyDictionary<string, object?> Details => _details;

    public void Add(BenchRow row)
    {
        lock (_rows)
        {
            _rows.Add(row);
        }
    }

    /// <summary>A figure that could not be measured in this run, with the reason (it still shows in the table).</summary>
    public void NotMeasured(string section, string figure, string target, string reason) =>
        Add(new BenchRow { Section = section, Figure = figure, ValueText = "n/a", Target = target, Note = reason });

    public void Detail(string key, object? value)
    {
        lock (_details)
        {
            _details[key] = value;
        }
    }
}
