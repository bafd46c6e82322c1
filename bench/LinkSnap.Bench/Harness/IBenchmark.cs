namespace LinkSnap.Bench.Harness;

/// <summary>One section of the benchmark. It adds rows to the report and never throws for a missing part: it says why.</summary>
public interface IBenchmark
{
    string Section { get; }

    Task RunAsync(BenchContext context, CancellationToken cancellationToken);
}
