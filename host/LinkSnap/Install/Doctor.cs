using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using LinkSnap.Core.Paths;
using LinkSnap.Shared;

namespace LinkSnap.Install;

/// <summary>`linksnap doctor`: checks everything the extension path needs and says how to fix what is not right.</summary>
public sealed class Doctor(string userHome, LinkSnapPaths paths, string? relayPath)
{
    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck> { CaptureBrowser(), Fonts() };
        checks.AddRange(Manifests());
        checks.AddRange(SandboxedBrowsers());
        checks.Add(await SocketAsync(cancellationToken));
        checks.Add(await RelayAsync(cancellationToken));
        checks.Add(Permissions()); // last: the relay probe above may create the logs folder
        return checks;
    }

    private static DoctorCheck CaptureBrowser()
    {
        var path = Environment.GetEnvironmentVariable("LINKSNAP_CHROMIUM") is { Length: > 0 } env ? env : "/usr/lib/chromium/chromium";
        return File.Exists(path)
            ? new DoctorCheck("capture browser", DoctorStatus.Ok, path)
            : new DoctorCheck("capture browser", DoctorStatus.Failed, $"{path} not found",
                "install Chromium (Debian/Ubuntu: apt-get install chromium) or set LINKSNAP_CHROMIUM to its binary");
    }

    /// <summary>Reports and fixes data files other users could read (a data directory made beforehand with 0755).</summary>
    private DoctorCheck Permissions()
    {
        const string name = "data permissions";
        if (!Directory.Exists(paths.DataDirectory))
        {
            return new DoctorCheck(name, DoctorStatus.Ok, $"{paths.DataDirectory} does not exist yet (it is created owner-only)");
        }

        var fixedPaths = DataPermissions.Tighten(paths, wholeTree: true);
        return fixedPaths.Count == 0
            ? new DoctorCheck(name, DoctorStatus.Ok, $"{paths.DataDirectory} and everything in it is owner-only")
            : new DoctorCheck(name, DoctorStatus.Warning,
                $"{fixedPaths.Count} entries were open to other users (e.g. {fixedPaths[0]}); made owner-only (folders 0700, files 0600)");
    }

    private static DoctorCheck Fonts()
    {
        try
        {
            using var fc = Process.Start(new ProcessStartInfo("fc-list", [":lang=zh", "family"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var output = fc.StandardOutput.ReadToEnd();
            fc.WaitForExit(10000);
            return output.Contains("Noto", StringComparison.OrdinalIgnoreCase) || output.Contains("CJK", StringComparison.OrdinalIgnoreCase)
                ? new DoctorCheck("CJK fonts", DoctorStatus.Ok, output.Split('\n')[0].Trim())
                : new DoctorCheck("CJK fonts", DoctorStatus.Warning, "no Chinese/Japanese/Korean font found",
                    "apt-get install fonts-noto-cjk (otherwise CJK text shows as boxes in screenshots and PDFs)");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new DoctorCheck("CJK fonts", DoctorStatus.Warning, "fc-list is not available to check fonts");
        }
    }

    private IEnumerable<DoctorCheck> Manifests()
    {
        var found = false;
        foreach (var browser in BrowserTarget.All)
        {
            var path = Path.Combine(browser.ManifestDirectory(userHome), NativeHostManifest.FileName);
            if (!File.Exists(path))
            {
                if (browser.IsPresent(userHome))
                {
                    yield return new DoctorCheck($"{browser.DisplayName} host manifest", DoctorStatus.Failed, $"missing ({path})", "run `linksnap install`");
                }

                continue;
            }

            found = true;
            yield return CheckManifest(browser, path);
        }

        // Profiles of their own (install --user-data-dir): the browser reads the manifest from there.
        foreach (var entry in new InstalledProfiles(paths.DataDirectory).Read())
        {
            found = true;
            var browser = BrowserTarget.Find(entry.Browser) ?? BrowserTarget.Find("chromium")!;
            var name = $"{browser.DisplayName} host manifest (profile {entry.UserDataDir})";
            yield return File.Exists(entry.Manifest)
                ? CheckManifest(browser, entry.Manifest, name)
                : new DoctorCheck(name, DoctorStatus.Failed, $"missing ({entry.Manifest})",
                    $"run `linksnap install --browser {browser.Id} --user-data-dir {entry.UserDataDir}` again");
        }

        if (!found)
        {
            yield return new DoctorCheck("host manifests", DoctorStatus.Failed, "no browser has the LinkSnap native host registered", "run `linksnap install`");
        }
    }

    private static DoctorCheck CheckManifest(BrowserTarget browser, string path, string? name = null)
    {
        name ??= $"{browser.DisplayName} host manifest";
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var relay = doc.RootElement.GetProperty("path").GetString() ?? "";
            var list = doc.RootElement.GetProperty(browser.IsFirefox ? "allowed_extensions" : "allowed_origins").ToString();
            var id = browser.IsFirefox ? NativeHostManifest.FirefoxExtensionId : NativeHostManifest.ChromiumExtensionId;
            if (!File.Exists(relay))
            {
                return new DoctorCheck(name, DoctorStatus.Failed, $"{path} points to a missing relay {relay}", "run `linksnap install` again");
            }

            return list.Contains(id, StringComparison.Ordinal)
                ? new DoctorCheck(name, DoctorStatus.Ok, path)
                : new DoctorCheck(name, DoctorStatus.Warning, $"{path} does not allow the unpacked extension {id}", "run `linksnap install` again");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or IOException or InvalidOperationException)
        {
            return new DoctorCheck(name, DoctorStatus.Failed, $"{path} is unreadable: {ex.Message}", "run `linksnap install` again");
        }
    }

    /// <summary>Snap and Flatpak confine the browser so it cannot start a native host from the user's files.</summary>
    private IEnumerable<DoctorCheck> SandboxedBrowsers()
    {
        var snaps = new[] { "chromium", "firefox", "brave" }.Where(s => Directory.Exists(Path.Combine(userHome, "snap", s)) || File.Exists("/snap/bin/" + s));
        var flatpaks = new[] { "org.mozilla.firefox", "org.chromium.Chromium", "com.google.Chrome", "com.brave.Browser", "com.microsoft.Edge" }
            .Where(f => Directory.Exists(Path.Combine(userHome, ".var", "app", f)));
        foreach (var snap in snaps)
        {
            yield return new DoctorCheck($"snap {snap}", DoctorStatus.Warning, "Snap-packaged browsers cannot launch native messaging hosts",
                "use a .deb/distribution or vendor package of the browser for LinkSnap's extension");
        }

        foreach (var flatpak in flatpaks)
        {
            yield return new DoctorCheck($"flatpak {flatpak}", DoctorStatus.Warning, "Flatpak browsers cannot launch host programs without extra setup",
                "use a non-Flatpak browser, or expose the relay to the sandbox (flatpak-spawn --host wrapper)");
        }
    }

    private async Task<DoctorCheck> SocketAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(paths.SocketPath))
        {
            return new DoctorCheck("daemon", DoctorStatus.Warning, $"not running (no {paths.SocketPath})",
                "it starts on the first capture; or run `linksnap serve`");
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(paths.SocketPath), cancellationToken);
            return new DoctorCheck("daemon", DoctorStatus.Ok, $"answering on {paths.SocketPath}");
        }
        catch (SocketException ex)
        {
            return new DoctorCheck("daemon", DoctorStatus.Warning, $"stale socket {paths.SocketPath} ({ex.SocketErrorCode})",
                "it starts on the first capture; or run `linksnap serve`");
        }
    }

    private async Task<DoctorCheck> RelayAsync(CancellationToken cancellationToken)
    {
        string relay;
        try
        {
            relay = RelayLocator.Resolve(relayPath);
        }
        catch (InstallException ex)
        {
            return new DoctorCheck("relay", DoctorStatus.Failed, ex.Message);
        }

        try
        {
            var reply = await RelayProbe.PingAsync(relay, cancellationToken);
            if (reply is null)
            {
                return new DoctorCheck("relay", DoctorStatus.Failed, $"{relay} did not answer a ping with a valid frame", "see <data>/logs/relay.log");
            }

            return reply["ok"]?.GetValue<bool>() == true
                ? new DoctorCheck("relay", DoctorStatus.Ok, $"{relay} → daemon {reply["result"]?["version"]}")
                : new DoctorCheck("relay", reply["error"]?["code"]?.ToString() is ErrorCodes.DaemonUnavailable or ErrorCodes.DaemonStopped ? DoctorStatus.Ok : DoctorStatus.Failed,
                    $"{relay} answers ({reply["error"]?["message"]})");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or OperationCanceledException or JsonException)
        {
            return new DoctorCheck("relay", DoctorStatus.Failed, $"{relay} could not be run: {ex.Message}", "run `linksnap install` again");
        }
    }
}
