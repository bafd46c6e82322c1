namespace LinkSnap.Bench.Harness;

/// <summary>Command line of linksnap-bench (see docs/benchmarks.md). Defaults fit the 20-minute budget.</summary>
public sealed record BenchOptions
{
    public static readonly string[] AllSections = ["extraction", "metadata", "pagemeta", "fidelity", "speed", "relay", "scale", "memory", "export", "versions", "watch", "wacz", "burst", "import", "health", "quality", "compare"];

    /// <summary>
    /// What a plain run measures: every section but "compare", which needs a second build
    /// (scripts/bench --compare-with REV runs it alone).
    /// </summary>
    public static readonly string[] DefaultSections = AllSections.Where(s => s != "compare").ToArray();

    /// <summary>Every page of every corpus and 100,000 synthetic snapshots instead of the default subsets.</summary>
    public bool Full { get; init; }

    /// <summary>Sections to run (default all but "compare").</summary>
    public IReadOnlyList<string> Only { get; init; } = DefaultSections;

    public int ExtractionPages { get; init; } = 30;

    /// <summary>
    /// Extraction without captures: the engine's article script run directly on every zyte-aeb page,
    /// scored on the development half, the held-out half and all pages.
    /// </summary>
    public bool ExtractionScript { get; init; }
    public int MetadataPages { get; init; } = 20;
    public int FidelitySites { get; init; } = 15;
    public int SpeedPages { get; init; } = 8;
    public int ThroughputPages { get; init; } = 100;
    public int RelayRuns { get; init; } = 50;
    public int ScaleLarge { get; init; } = 100_000;
    public int ScaleSmall { get; init; } = 1_000;

    /// <summary>Before/after ("compare"): fidelity sites captured by each build per round, and the rounds.</summary>
    public int CompareSites { get; init; } = 4;
    public int CompareRounds { get; init; } = 3;

    /// <summary>Repetitions of each timed query or capture for medians and min–max.</summary>
    public int Repeats { get; init; } = 5;

    public string OutputPath { get; init; } = "bench/results/latest.json";

    /// <summary>Folder for saved copies, screenshots and logs of this run (kept for inspection).</summary>
    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "linksnap-bench");

    public bool Includes(string section) => Only.Contains(section, StringComparer.OrdinalIgnoreCase);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.TryParse(Next(), out var n) && n > 0 ? n : throw new ArgumentException($"{args[i - 1]} needs a positive number");
            options = args[i] switch
            {
                "--full" => options with { Full = true, ExtractionPages = int.MaxValue, MetadataPages = int.MaxValue },
                "--only" => options with { Only = ParseSections(Next()) },
                "--extraction-script" => options with { ExtractionScript = true },
                "--extraction-pages" => options with { ExtractionPages = NextInt() },
                "--metadata-pages" => options with { MetadataPages = NextInt() },
                "--fidelity-sites" => options with { FidelitySites = NextInt() },
                "--speed-pages" => options with { SpeedPages = NextInt() },
                "--throughput-pages" => options with { ThroughputPages = NextInt() },
                "--relay-runs" => options with { RelayRuns = NextInt() },
                "--scale" => options with { ScaleLarge = NextInt() },
                "--repeats" => options with { Repeats = NextInt() },
                "--compare-sites" => options with { CompareSites = NextInt() },
                "--compare-rounds" => options with { CompareRounds = NextInt() },
                "--out" => options with { OutputPath = Next() },
                "--work" => options with { WorkDirectory = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]} (see docs/benchmarks.md)"),
            };
        }

        return options;
    }

    private static string[] ParseSections(string value)
    {
        var sections = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = sections.Except(AllSections, StringComparer.OrdinalIgnoreCase).ToList();
        return unknown.Count == 0
            ? sections
            : throw new ArgumentException($"unknown section {string.Join(", ", unknown)}; known: {string.Join(", ", AllSections)}");
    }
}
