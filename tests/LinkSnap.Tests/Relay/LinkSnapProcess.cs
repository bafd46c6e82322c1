using System.Diagnostics;

namespace LinkSnap.Tests.Relay;

/// <summary>Runs the real `linksnap` executable (built next to the tests) with its own environment.</summary>
public static class LinkSnapProcess
{
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "linksnap.dll");

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(dotnet, [DllPath, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in env)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
