using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using LinkSnap.Bench.Daemon;
using LinkSnap.Bench.Harness;

namespace LinkSnap.Bench.Relay;

/// <summary>
/// Issue 5 §4: what the browser pays per sendNativeMessage — start linksnap-relay, send one framed
/// `ping`, get the daemon's reply back through it. Runs the NativeAOT build (what ships) and a
/// framework-dependent build of the same source alternately, against one warm daemon.
/// </summary>
public sealed class RelayBenchmark : IBenchmark
{
    /// <summary>The unpacked extension's fixed ID (docs/protocol.md): the relay refuses other callers.</summary>
    private const string Origin = "chrome-extension://agcingfldgkbfnghfknpkkjnnjifopil/";

    public string Section => "relay";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var artifacts = Environment.GetEnvironmentVariable("LINKSNAP_BENCH_ARTIFACTS");
        var aot = artifacts is null ? null : Path.Combine(artifacts, "relay-aot", "linksnap-relay");
        var jit = artifacts is null ? null : Path.Combine(artifacts, "relay-jit", "linksnap-relay");
        var dll = DaemonProcess.FindExecutable(out var missing);
        if (dll is null || !File.Exists(aot) || !File.Exists(jit))
        {
            context.Report.NotMeasured(Section, "relay cold start + one round trip", "≤ 10 ms", dll is null ? missing : "relay builds missing (run through scripts/bench)");
            return;
        }

        var dataDirectory = context.WorkPath("daemons", "relay");
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        await using var daemon = await DaemonProcess.StartAsync(dll, dataDirectory, [], cancellationToken);

        // One untimed run each: the first exec of a binary pays for the page cache, not for the relay.
        await RoundTripAsync(aot!, dataDirectory, cancellationToken);
        await RoundTripAsync(jit!, dataDirectory, cancellationToken);
        var aotTimes = new List<double>();
        var jitTimes = new List<double>();
        string? failure = null;
        for (var i = 0; i < context.Options.RelayRuns; i++)
        {
            var a = await RoundTripAsync(aot!, dataDirectory, cancellationToken);
            var j = await RoundTripAsync(jit!, dataDirectory, cancellationToken);
            failure ??= a.Error ?? j.Error;
            aotTimes.Add(a.Ms);
            jitTimes.Add(j.Ms);
        }

        var ours = Stats.Of(aotTimes);
        var peer = Stats.Of(jitTimes);
        context.Report.Add(new BenchRow
        {
            Section = Section,
            Figure = $"relay cold start + ping round trip ({ours.Count} runs)",
            Value = ours.Median,
            ValueText = ours.Format("0.0", " ms"),
            PeerValue = peer.Median,
            PeerText = peer.Format("0.0", " ms") + " [framework-dependent]",
            Ratio = peer.Median / ours.Median,
            Target = "≤ 10 ms (median)",
            Met = failure is null && ours.Median <= 10,
            Note = failure is null
                ? "NativeAOT build vs the same relay framework-dependent; ratio = framework-dependent ÷ AOT; timed from process start to the reply frame read"
                : $"a run failed: {failure}",
        });
        context.Report.Detail("relay.aotMs", ours);
        context.Report.Detail("relay.frameworkDependentMs", peer);
    }

    internal static async Task<(double Ms, string? Error)> RoundTripAsync(string relay, string dataDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(relay)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(relay)!,
        };
        start.ArgumentList.Add(Origin);
        start.Environment["LINKSNAP_HOME"] = dataDirectory;
        start.Environment["LINKSNAP_RELAY_NO_START"] = "1";

        var request = Encoding.UTF8.GetBytes("""{"id":"bench","type":"ping"}""");
        var frame = new byte[4 + request.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)request.Length);
        request.CopyTo(frame, 4);

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdin = process.StandardInput.BaseStream;
        await stdin.WriteAsync(frame, cancellationToken);
        await stdin.FlushAsync(cancellationToken);
        var reply = await ReadFrameAsync(process.StandardOutput.BaseStream, cancellationToken);
        var ms = clock.Elapsed.TotalMilliseconds;
        stdin.Close();
        await process.WaitForExitAsync(cancellationToken);
        var error = reply is not null && reply.Contains("\"ok\":true", StringComparison.Ordinal) ? null : $"reply {reply ?? "(none)"}";
        return (ms, error);
    }

    private static async Task<string?> ReadFrameAsync(Stream stdout, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        try
        {
            await stdout.ReadExactlyAsync(header, cancellationToken);
            var body = new byte[BinaryPrimitives.ReadUInt32LittleEndian(header)];
            await stdout.ReadExactlyAsync(body, cancellationToken);
            return Encoding.UTF8.GetString(body);
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }
}
