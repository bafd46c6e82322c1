using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Extension;

/// <summary>
/// The npm tools of extension-tools/ (web-ext, puppeteer-core; pinned in its package.json, installed with
/// `npm ci` on first use) and the per-browser builds of the extension made by scripts/package-extension.
/// </summary>
public static class ExtensionTools
{
    public static string Folder => Path.Combine(Corpus.RepositoryRoot, "extension-tools");

    /// <summary>Installs the tools when one is missing; fails (never skips) when npm cannot.</summary>
    public static async Task EnsureInstalledAsync()
    {
        var installed = File.Exists(Path.Combine(Folder, "node_modules", ".bin", "web-ext"))
            && File.Exists(Path.Combine(Folder, "node_modules", "puppeteer-core", "package.json"));
        if (installed)
        {
            return;
        }

        var npm = ToolProcess.FindOnPath("npm");
        Assert.That(npm, Is.Not.Null, "npm is not installed (scripts/lib/prerequisites.sh installs it)");
        var install = await ToolProcess.RunAsync(npm!, Folder, "ci", "--no-audit", "--no-fund");
        Assert.That(install.ExitCode, Is.EqualTo(0), "npm ci in extension-tools failed:\n" + install.Output + install.Error);
    }

    /// <summary>Runs scripts/package-extension into outDir; returns the unpacked folder for the browser ("chromium" or "firefox").</summary>
    public static async Task<string> PackageAsync(string outDir, string browser)
    {
        var script = Path.Combine(Corpus.RepositoryRoot, "scripts", "package-extension");
        var run = await ToolProcess.RunAsync("/bin/bash", Corpus.RepositoryRoot, script, outDir);
        Assert.That(run.ExitCode, Is.EqualTo(0), "scripts/package-extension failed:\n" + run.Output + run.Error);
        var folder = Path.Combine(outDir, browser);
        Assert.That(File.Exists(Path.Combine(folder, "manifest.json")), Is.True, $"no {browser} build in {outDir}");
        return folder;
    }
}
