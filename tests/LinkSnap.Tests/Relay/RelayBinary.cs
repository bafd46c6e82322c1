using System.Diagnostics;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Relay;

/// <summary>
/// The relay as browsers run it: published with NativeAOT once per test run (incremental, under
/// artifacts/test-relay, shared by the test projects behind a file lock), or LINKSNAP_RELAY_PATH.
/// </summary>
public static class RelayBinary
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _path;

    public static async Task<string> GetAsync()
    {
        var given = Environment.GetEnvironmentVariable("LINKSNAP_RELAY_PATH");
        if (!string.IsNullOrEmpty(given))
        {
            return given;
        }

        await Gate.WaitAsync();
        try
        {
            return _path ??= await PublishAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> PublishAsync()
    {
        var root = Corpus.RepositoryRoot;
        var output = Path.Combine(root, "artifacts", "test-relay");
        Directory.CreateDirectory(Path.Combine(root, "artifacts"));
        using var fileLock = await LockAsync(Path.Combine(root, "artifacts", "test-relay.lock"));
        var exe = Path.Combine(output, OperatingSystem.IsWindows() ? "linksnap-relay.exe" : "linksnap-relay");
        if (File.Exists(exe) && File.GetLastWriteTimeUtc(exe) > NewestInput(root))
        {
            return exe; // already published from these sources (e.g. by the other test project)
        }

        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(root, "host", "LinkSnap.Relay", "LinkSnap.Relay.csproj"),
            "-c", "Release", "-o", output, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            Assert.Fail($"publishing the relay with NativeAOT failed (is clang installed?):\n{await stdout}\n{await stderr}");
        }

        Assert.That(File.Exists(exe), Is.True, $"{exe} missing after publish");
        return exe;
    }

    private static DateTime NewestInput(string root)
    {
        // The relay compiles LinkSnap.Shared, whose constants the generator makes from protocol.json.
        var relaySources = new[] { "LinkSnap.Relay", "LinkSnap.Shared", "LinkSnap.ProtocolGenerator" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root, "host", project), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        string[] shared = [Path.Combine(root, "extension", "shared", "protocol.json"), Path.Combine(root, "Directory.Build.props"), Path.Combine(root, "Directory.Packages.props")];
        return relaySources.Concat(shared.Where(File.Exists)).Max(File.GetLastWriteTimeUtc);
    }

    private static async Task<FileStream> LockAsync(string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(11));
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, timeout.Token);
            }
        }
    }
}
