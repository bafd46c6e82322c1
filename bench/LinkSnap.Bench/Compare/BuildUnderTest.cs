using LinkSnap.Bench.Daemon;

namespace LinkSnap.Bench.Compare;

/// <summary>
/// One of the two builds a before/after run compares: scripts/bench's layout under <paramref name="Artifacts"/>
/// (linksnap/linksnap.dll, relay-aot/linksnap-relay), named by <paramref name="Label"/> in the table.
/// </summary>
public sealed record BuildUnderTest(string Label, string Artifacts)
{
    public string? Daemon => DaemonProcess.FindExecutable(Artifacts, out _);

    public string Relay => Path.Combine(Artifacts, "relay-aot", "linksnap-relay");

    public bool IsComplete => Daemon is not null && File.Exists(Relay);

    /// <summary>The build under artifacts/bench (HEAD) and the one --compare-with built (LINKSNAP_BENCH_BASE).</summary>
    public static (BuildUnderTest? Base, BuildUnderTest? Head) FromEnvironment()
    {
        var head = Environment.GetEnvironmentVariable("LINKSNAP_BENCH_ARTIFACTS");
        var @base = Environment.GetEnvironmentVariable("LINKSNAP_BENCH_BASE");
        var label = Environment.GetEnvironmentVariable("LINKSNAP_BENCH_BASE_REV") ?? "base";
        return (@base is null ? null : new BuildUnderTest(label, @base), head is null ? null : new BuildUnderTest("HEAD", head));
    }
}
