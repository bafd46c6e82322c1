using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Archive;

/// <summary>
/// Runs the independent archive tools of archive-tools/ (Webrecorder's warcio, pinned in its
/// package.json): installs them with `npm ci` on first use, like the extension's linter.
/// </summary>
internal static class ArchiveTools
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static string Folder => Path.Combine(Corpus.RepositoryRoot, "archive-tools");

    public static async Task<string> NodeAsync(params string[] args)
    {
        await EnsureInstalledAsync();
        var (code, stdout, stderr) = await ToolProcess.RunAsync(Find("node"), Folder, args);
        Assert.That(code, Is.EqualTo(0), $"node {string.Join(' ', args)} failed:\n{stderr}");
        return stdout;
    }

    /// <summary>warcio's own CDXJ index of a WARC file.</summary>
    public static Task<string> WarcioCdxAsync(string warcFile) =>
        NodeAsync(Path.Combine(Folder, "node_modules", "warcio", "dist", "cli.js"), "cdx-index", "--format", "cdxj", warcFile);

    /// <summary>The folder holding ReplayWeb.page's ui.js and sw.js (pinned in archive-tools/package.json).</summary>
    public static async Task<string> ReplayWebPageAsync()
    {
        Find("npm");
        return await ReplayWebPage.InstallAsync(Folder);
    }

    private static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(Folder, "node_modules", "warcio", "package.json")))
            {
                var (code, stdout, stderr) = await ToolProcess.RunAsync(Find("npm"), Folder, "ci", "--no-audit", "--no-fund");
                Assert.That(code, Is.EqualTo(0), "npm ci in archive-tools failed:\n" + stdout + stderr);
            }
        }
        finally
        {
            Install.Release();
        }
    }

    private static string Find(string name) =>
        ToolProcess.FindOnPath(name) ?? throw new IgnoreException($"{name} is not installed (Node.js 20+ with npm is needed for the archive checks).");
}
