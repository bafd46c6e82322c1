using System.Text.Json;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Extension;

/// <summary>
/// Mozilla's linter (npm web-ext, pinned in extension-tools/package.json) on the Firefox build of the
/// extension (scripts/package-extension): no errors and no warnings.
/// </summary>
[TestFixture]
public sealed class WebExtLintTests
{
    [Test]
    public async Task Web_ext_lint_reports_no_errors_and_no_warnings_on_the_Firefox_build()
    {
        await ExtensionTools.EnsureInstalledAsync();
        using var temp = new TempDirectory();
        var firefox = await ExtensionTools.PackageAsync(temp.Path, "firefox");

        var webExt = Path.Combine(ExtensionTools.Folder, "node_modules", ".bin", "web-ext");
        var lint = await ToolProcess.RunAsync(webExt, ExtensionTools.Folder, "lint", "--source-dir", firefox, "--self-hosted", "--output", "json");

        var report = JsonDocument.Parse(lint.Output[lint.Output.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
        static string Describe(JsonElement m) => $"{m.GetProperty("code")}: {m.GetProperty("message")} ({m.GetProperty("file")})";
        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("errors").EnumerateArray().Select(Describe), Is.Empty, "errors");
            Assert.That(report.GetProperty("warnings").EnumerateArray().Select(Describe), Is.Empty, "warnings");
            Assert.That(report.GetProperty("summary").GetProperty("errors").GetInt32(), Is.EqualTo(0));
            Assert.That(report.GetProperty("summary").GetProperty("warnings").GetInt32(), Is.EqualTo(0));
        });
    }
}
