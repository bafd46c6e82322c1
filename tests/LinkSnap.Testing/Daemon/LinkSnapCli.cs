using System.Diagnostics;
using System.Text;
using NUnit.Framework;

namespace LinkSnap.Testing.Daemon;

/// <summary>
/// The real `linksnap` executable (dotnet linksnap.dll) as a separate process, for what only a
/// process shows: exit codes, detached daemons, installers writing under HOME. Commands against a
/// running daemon run in-process instead (<see cref="TestDaemon.RunCliAsync"/>).
/// </summary>
public static class LinkSnapCli
{
    private static readonly TimeSpan RunBound = TimeSpan.FromMinutes(3);

    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "linksnap.dll");

    /// <summary>The dotnet host running the tests (so the child uses the same runtime).</summary>
    public static string Dotnet { get; } = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";

    public static ProcessStartInfo StartInfo(string dll, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(Dotnet)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    /// <summary>Runs a command on <paramref name="dataDirectory"/> (LINKSNAP_HOME; port 0, loopback pages allowed).</summary>
    public static Task<CliRun> RunAsync(string dataDirectory, params string[] args) =>
        RunAsync(new Dictionary<string, string>
        {
            ["LINKSNAP_HOME"] = dataDirectory,
            ["LINKSNAP_Daemon__Port"] = "0",
            ["LINKSNAP_Capture__AllowPrivateTargets"] = "true",
            ["LINKSNAP_Logging__LogLevel__Default"] = "Warning",
        }, null, args);

    /// <summary>Runs a command to completion (bounded) with these environment variables and stdin; returns its exit code and output.</summary>
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, string? input, params string[] args)
    {
        var info = StartInfo(DllPath, args);
        info.RedirectStandardInput = input is not null;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunBound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"linksnap {string.Join(' ', args)} did not finish in {RunBound.TotalMinutes} minutes");
        }

        var run = new CliRun(process.ExitCode, await stdout, await stderr);
        TestContext.Out.WriteLine($"$ linksnap {string.Join(' ', args)} -> {run.ExitCode}\n{run.Output}{run.Error}");
        return run;
    }
}

/// <summary>One finished `linksnap` command: exit code, stdout, stderr.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error);
