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

    /// <summary>
    /// The folder holding ReplayWeb.page's ui.js and sw.js, fetched with `npm pack` at the version
    /// and integrity pinned in archive-tools/package.json.
    /// </summary>
    public static async Task<string> ReplayWebPageAsync()
    {
        var folder = Path.Combine(Folder, "replaywebpage");
        await Install.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(folder, "package", "sw.js")))
            {
                return Path.Combine(folder, "package");
            }

            using var package = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "package.json")));
            var pinned = package.RootElement.GetProperty("replaywebpage");
            var version = pinned.GetProperty("version").GetString();
            Directory.CreateDirectory(folder);
            var (code, stdout, stderr) = await ToolProcess.RunAsync(Find("npm"), folder, "pack", $"replaywebpage@{version}", "--pack-destination", folder);
            Assert.That(code, Is.EqualTo(0), "npm pack replaywebpage failed:\n" + stdout + stderr);
            var tarball = Path.Combine(folder, $"replaywebpage-{version}.tgz");
            var integrity = "sha512-" + Convert.ToBase64String(System.Security.Cryptography.SHA512.HashData(await File.ReadAllBytesAsync(tarball)));
            Assert.That(integrity, Is.EqualTo(pinned.GetProperty("integrity").GetString()), "replaywebpage tarball integrity");
            await using (var gzip = new System.IO.Compression.GZipStream(File.OpenRead(tarball), System.IO.Compression.CompressionMode.Decompress))
            {
                await System.Formats.Tar.TarFile.ExtractToDirectoryAsync(gzip, folder, overwriteFiles: true);
            }

            return Path.Combine(folder, "package");
        }
        finally
        {
            Install.Release();
        }
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
