namespace LinkSnap.Bench.Harness;

/// <summary>Results one section hands to another (the 100-page run's article texts feed the extraction score).</summary>
public sealed class BenchShared
{
    /// <summary>Article text LinkSnap saved for zyte-aeb pages, by page id.</summary>
    public Dictionary<string, string> ZyteArticles { get; } = new(StringComparer.Ordinal);

    public string? ZyteArticlesVia { get; set; }
}
