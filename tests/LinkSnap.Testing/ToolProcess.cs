using System.Diagnostics;

namespace LinkSnap.Testing;

/// <summary>Runs a tool the tests check LinkSnap's output with (npm, node, web-ext), bounded in time.</summary>
public static class ToolProcess
{
    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>Exit code, standard output and standard error of a run that may take up to five minutes.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string exe, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(exe, args)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
