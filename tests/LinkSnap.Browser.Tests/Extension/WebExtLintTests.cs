using System.Diagnostics;
using System.Text.Json;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Extension;

/// <summary>Mozilla's linter (npm web-ext, pinned in extension-tools/package.json) must report no errors on extension/.</summary>
[TestFixture]
public sealed class WebExtLintTests
{
    [Test]
    public async Task Web_ext_lint_reports_no_errors()
    {
        var npm = FindOnPath("npm");
        if (npm is null)
        {
            Assert.Ignore("npm is not installed, so web-ext lint cannot run (install Node.js 20+ with npm).");
        }

        var tools = Path.Combine(Corpus.RepositoryRoot, "extension-tools");
        var webExt = Path.Combine(tools, "node_modules", ".bin", "web-ext");
        if (!File.Exists(webExt))
        {
            var install = await RunAsync(npm!, tools, "ci", "--no-audit", "--no-fund");
            Assert.That(install.ExitCode, Is.EqualTo(0), "npm ci in extension-tools failed:\n" + install.Output);
        }

        var lint = await RunAsync(webExt, tools, "lint", "--source-dir", Path.Combine(Corpus.RepositoryRoot, "extension"), "--self-hosted", "--output", "json");

        var report = JsonDocument.Parse(lint.Output[lint.Output.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
        foreach (var warning in report.GetProperty("warnings").EnumerateArray())
        {
            TestContext.Out.WriteLine($"warning {warning.GetProperty("code")}: {warning.GetProperty("message")}");
        }

        var errors = report.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("code")}: {e.GetProperty("message")} ({e.GetProperty("file")})").ToList();
        Assert.That(errors, Is.Empty);
        Assert.That(report.GetProperty("summary").GetProperty("errors").GetInt32(), Is.EqualTo(0));
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static async Task<(int ExitCode, string Output)> RunAsync(string exe, string directory, params string[] args)
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
        return (process.ExitCode, await stdout + await stderr);
    }
}
