using System.Text.Json.Nodes;
using LinkSnap.Shared;
using Microsoft.Win32;

namespace LinkSnap.Install;

/// <summary>Writes and removes the native host manifests (and the Windows registry keys that point at them).</summary>
public sealed class NativeHostInstaller(string userHome, string dataDirectory)
{
    /// <summary>Where the manifest goes for each chosen browser (a custom profile's folder when given).</summary>
    public IReadOnlyList<(BrowserTarget Browser, string Directory)> Targets(InstallOptions options)
    {
        if (options.UserDataDir is not null)
        {
            // A profile of its own (--user-data-dir): Chromium reads <profile>/NativeMessagingHosts first.
            var browser = BrowserTarget.Find(options.Browsers.FirstOrDefault() ?? "chromium")!;
            return [(browser, Path.Combine(options.UserDataDir, browser.IsFirefox ? "native-messaging-hosts" : "NativeMessagingHosts"))];
        }

        var chosen = options.Browsers.Count == 0 ? BrowserTarget.All.Where(b => b.IsPresent(userHome))
            : options.Browsers.Contains("all") ? BrowserTarget.All
            : options.Browsers.Select(id => BrowserTarget.Find(id)!);
        return [.. chosen.Distinct().Select(b => (b, b.ManifestDirectory(userHome)))];
    }

    public IReadOnlyList<string> Install(InstallOptions options, string relayPath)
    {
        var written = new List<string>();
        foreach (var (browser, directory) in Targets(options))
        {
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, NativeHostManifest.FileName);
            var json = NativeHostManifest.ToJson(NativeHostManifest.Build(relayPath, browser.IsFirefox, options.ExtensionIds));
            File.WriteAllText(path + ".tmp", json);
            File.Move(path + ".tmp", path, overwrite: true);
            if (OperatingSystem.IsWindows() && options.UserDataDir is null)
            {
                using var key = Registry.CurrentUser.CreateSubKey(browser.WindowsRegistryKey + @"\" + NativeHostManifest.HostName);
                key.SetValue("", path);
            }

            if (options.UserDataDir is not null)
            {
                new InstalledProfiles(dataDirectory).Add(new(browser.Id, options.UserDataDir, path));
            }

            written.Add($"{browser.DisplayName}: {path}");
        }

        WriteAllowedOrigins(options.ExtensionIds);
        return written;
    }

    public IReadOnlyList<string> Uninstall(InstallOptions options)
    {
        var removed = new List<string>();
        var all = options with { Browsers = options.Browsers.Count == 0 ? ["all"] : options.Browsers };
        foreach (var (browser, directory) in Targets(all))
        {
            var path = Path.Combine(directory, NativeHostManifest.FileName);
            new InstalledProfiles(dataDirectory).Remove(path);
            if (File.Exists(path))
            {
                File.Delete(path);
                removed.Add($"{browser.DisplayName}: {path}");
            }

            if (OperatingSystem.IsWindows() && options.UserDataDir is null)
            {
                Registry.CurrentUser.DeleteSubKeyTree(browser.WindowsRegistryKey + @"\" + NativeHostManifest.HostName, throwOnMissingSubKey: false);
            }
        }

        return removed;
    }

    /// <summary>The relay checks callers against these too (store IDs given with --extension-id).</summary>
    private void WriteAllowedOrigins(IReadOnlyList<string> ids)
    {
        Directory.CreateDirectory(dataDirectory);
        var origins = ids.Select(id => NativeHostManifest.IsFirefoxId(id) ? id : "chrome-extension://" + id + "/");
        File.WriteAllText(new LinkSnapPaths(dataDirectory).AllowedOriginsPath, new JsonArray([.. origins.Select(o => (JsonNode)o)]).ToJsonString());
    }
}
