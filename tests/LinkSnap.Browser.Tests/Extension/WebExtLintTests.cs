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
        var npm = ToolProcess.FindOnPath("npm");
        if (npm is null)
        {
            Assert.Ignore("npm is not installed, so web-ext lint cannot run (install Node.js 20+ with npm).");
        }

        var tools = Path.Combine(Corpus.RepositoryRoot, "extension-tools");
        var webExt = Path.Combine(tools, "node_modules", ".bin", "web-ext");
        if (!File.Exists(webExt))
        {
            var install = await ToolProcess.RunAsync(npm!, tools, "ci", "--no-audit", "--no-fund");
            Assert.That(install.ExitCode, Is.EqualTo(0), "npm ci in extension-tools failed:\n" + install.Output + install.Error);
        }

        var lint = await ToolProcess.RunAsync(webExt, tools, "lint", "--source-dir", Path.Combine(Corpus.RepositoryRoot, "extension"), "--self-hosted", "--output", "json");

        var report = JsonDocument.Parse(lint.Output[lint.Output.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
        foreach (var warning in report.GetProperty("warnings").EnumerateArray())
        {
            TestContext.Out.WriteLine($"warning {warning.GetProperty("code")}: {warning.GetProperty("message")}");
        }

        var errors = report.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("code")}: {e.GetProperty("message")} ({e.GetProperty("file")})").ToList();
        Assert.That(errors, Is.Empty);
        Assert.That(report.GetProperty("summary").GetProperty("errors").GetInt32(), Is.EqualTo(0));
    }
}
