using System.Diagnostics;
using LinkSnap.Bench.Harness;

namespace LinkSnap.Bench.Fidelity;

/// <summary>
/// The peer: single-file-cli (npm, pinned in bench/package.json) driving the system Chromium with
/// its default settings, one process per page as people run it, except that names outside loopback fail at once. Its default wait
/// (networkIdle) occasionally fails on Chromium 156 with "Execution context not found for SingleFile
/// world" (upstream issue 198); the run is then retried once with --browser-wait-until=load and the
/// retry's time is added, as a user scripting it would have to.
/// </summary>
public sealed class SingleFileCli
{
    /// <summary>
    /// Every name but loopback fails at once, as LinkSnap's proxy makes it (issue 12 §7): without it
    /// the peer's Chromium waits out this machine's rate-limited resolver (5 s glibc retries) on
    /// most real pages and the speed ratio would measure the resolver, not the tools.
    /// </summary>
    private const string UnreachableHostsFailAtOnce = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1";

    private readonly string _script;

    private SingleFileCli(string script)
    {
        _script = script;
    }

    public static SingleFileCli? Find(string repositoryRoot, out string reason)
    {
        var script = Path.Combine(repositoryRoot, "bench", "node_modules", "single-file-cli", "single-file-node.js");
        reason = File.Exists(script) ? "" : "single-file-cli is not installed (scripts/bench runs npm ci in bench/)";
        return File.Exists(script) ? new SingleFileCli(script) : null;
    }

    public async Task<PeerCapture> CaptureAsync(Uri url, string outputFile, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var first = await RunAsync(url, outputFile, [], cancellationToken);
        if (!File.Exists(outputFile))
        {
            var second = await RunAsync(url, outputFile, ["--browser-wait-until=load"], cancellationToken);
            return new PeerCapture(File.Exists(outputFile), clock.Elapsed.TotalMilliseconds, outputFile, Retried: true, Error: File.Exists(outputFile) ? null : second ?? first);
        }

        return new PeerCapture(true, clock.Elapsed.TotalMilliseconds, outputFile, Retried: false, Error: null);
    }

    /// <summary>Runs one capture; returns the tool's last output line when it produced no file.</summary>
    private async Task<string?> RunAsync(Uri url, string outputFile, string[] extra, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     _script, url.AbsoluteUri, outputFile,
                     "--browser-executable-path=" + BenchContext.ChromiumPath,
                     "--browser-arg=--disable-quic",
                     "--browser-arg=" + UnreachableHostsFailAtOnce,
                 }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return "timed out after 90 s";
        }

        var output = (await stdout + "\n" + await stderr).Trim();
        return File.Exists(outputFile) ? null : output.Split('\n').LastOrDefault() ?? $"exit code {process.ExitCode}";
    }
}

/// <summary>One capture by a peer tool: whether it produced a file, how long it took.</summary>
public sealed record PeerCapture(bool Ok, double WallMs, string OutputFile, bool Retried, string? Error);
