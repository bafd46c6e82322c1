using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace LinkSnap.Testing;

/// <summary>
/// Fetches ReplayWeb.page's ui.js and sw.js with `npm pack` at the version and integrity pinned in
/// archive-tools/package.json (its declared dependencies are bundled into those files, and a full
/// install needs versions the registry mirror lacks).
/// </summary>
public static class ReplayWebPage
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    /// <summary>The folder holding ui.js and sw.js, installed below archive-tools/replaywebpage on first use.</summary>
    public static async Task<string> InstallAsync(string archiveToolsFolder)
    {
        var folder = Path.Combine(archiveToolsFolder, "replaywebpage");
        await Install.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(folder, "package", "sw.js")))
            {
                return Path.Combine(folder, "package");
            }

            using var package = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(archiveToolsFolder, "package.json")));
            var pinned = package.RootElement.GetProperty("replaywebpage");
            var version = pinned.GetProperty("version").GetString();
            Directory.CreateDirectory(folder);
            var npm = ToolProcess.FindOnPath("npm") ?? throw new InvalidOperationException("npm is not installed (Node.js 20+ with npm is needed for ReplayWeb.page).");
            var (code, stdout, stderr) = await ToolProcess.RunAsync(npm, folder, "pack", $"replaywebpage@{version}", "--pack-destination", folder);
            if (code != 0)
            {
                throw new InvalidOperationException("npm pack replaywebpage failed:\n" + stdout + stderr);
            }

            var tarball = Path.Combine(folder, $"replaywebpage-{version}.tgz");
            var integrity = "sha512-" + Convert.ToBase64String(SHA512.HashData(await File.ReadAllBytesAsync(tarball)));
            if (integrity != pinned.GetProperty("integrity").GetString())
            {
                throw new InvalidOperationException($"replaywebpage tarball integrity {integrity} is not the pinned one");
            }

            await using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
            {
                await TarFile.ExtractToDirectoryAsync(gzip, folder, overwriteFiles: true);
            }

            return Path.Combine(folder, "package");
        }
        finally
        {
            Install.Release();
        }
    }
}
