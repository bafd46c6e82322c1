using System.Diagnostics;

namespace LinkSnap.Testing;

/// <summary>Runs a tool the tests check LinkSnap's output with (npm, node, web-ext), bounded in time.</summary>
public static class ToolProcess
{
    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>Exit code, standard output and standard error of a run that may take up to five minutes.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string exe, string directory, params string[] args) =>
        RunAsync(exe, directory, args, environment: null, TimeSpan.FromMinutes(5));

    /// <summary>
    /// Same, with variables added to this process's environment and a limit: past it the tool and its
    /// children (a browser it started) are killed and a TimeoutException says so.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string exe, string directory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, TimeSpan limit)
    {
        var start = new ProcessStartInfo(exe, args)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{Path.GetFileName(exe)} {string.Join(' ', args)} did not end within {limit.TotalSeconds:0} s:\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
