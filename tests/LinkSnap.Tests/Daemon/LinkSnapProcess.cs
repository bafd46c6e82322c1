using System.Diagnostics;
using System.Text;

namespace LinkSnap.Tests.Daemon;

/// <summary>Runs the real `linksnap` executable (dotnet linksnap.dll) as a separate process.</summary>
public static class LinkSnapProcess
{
    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "linksnap.dll");

    public static ProcessStartInfo StartInfo(string dataDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["LINKSNAP_HOME"] = dataDirectory;
        info.Environment["LINKSNAP_Daemon__Port"] = "0";
        info.Environment["LINKSNAP_Capture__AllowPrivateTargets"] = "true";
        info.Environment["LINKSNAP_Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>Runs a CLI command to completion (bounded) and returns its exit code and output.</summary>
    public static Task<CliRun> RunAsync(string dataDirectory, params string[] args) => RunWithInputAsync(dataDirectory, null, args);

    /// <summary>As <see cref="RunAsync(string, string[])"/>, with <paramref name="input"/> as the command's stdin.</summary>
    public static async Task<CliRun> RunWithInputAsync(string dataDirectory, string? input, params string[] args)
    {
        var info = StartInfo(dataDirectory, args);
        info.RedirectStandardInput = input is not null;
        using var process = Process.Start(info)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"linksnap {string.Join(' ', args)} did not finish in 3 minutes");
        }

        var run = new CliRun(process.ExitCode, await stdout, await stderr);
        NUnit.Framework.TestContext.Out.WriteLine($"$ linksnap {string.Join(' ', args)} -> {run.ExitCode}\n{run.Output}{run.Error}");
        return run;
    }

    /// <summary>Processes below <paramref name="pid"/> (Linux /proc), so a test can clean up what a killed daemon left.</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var child))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[child] = int.Parse(fields[1]);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        var result = new List<int>();
        var queue = new Queue<int>([pid]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var (child, parent) in parents.Where(p => p.Value == current))
            {
                result.Add(child);
                queue.Enqueue(child);
            }
        }

        return result;
    }

    public static void KillAll(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
    }
}

public sealed record CliRun(int ExitCode, string Output, string Error);
