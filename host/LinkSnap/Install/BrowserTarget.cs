namespace LinkSnap.Install;

/// <summary>
/// A browser that can launch the relay: where its per-user native host manifests go on Linux and
/// macOS, its registry key on Windows, and how to tell that it is installed.
/// </summary>
public sealed record BrowserTarget(
    string Id,
    string DisplayName,
    bool IsFirefox,
    string LinuxConfigDir,
    string MacConfigDir,
    string WindowsRegistryKey,
    string[] Executables)
{
    public static readonly IReadOnlyList<BrowserTarget> All =
    [
        new("chrome", "Google Chrome", false, ".config/google-chrome", "Library/Application Support/Google/Chrome",
            @"Software\Google\Chrome\NativeMessagingHosts", ["google-chrome", "google-chrome-stable"]),
        new("chromium", "Chromium", false, ".config/chromium", "Library/Application Support/Chromium",
            @"Software\Chromium\NativeMessagingHosts", ["chromium", "chromium-browser"]),
        new("edge", "Microsoft Edge", false, ".config/microsoft-edge", "Library/Application Support/Microsoft Edge",
            @"Software\Microsoft\Edge\NativeMessagingHosts", ["microsoft-edge", "microsoft-edge-stable"]),
        new("brave", "Brave", false, ".config/BraveSoftware/Brave-Browser", "Library/Application Support/BraveSoftware/Brave-Browser",
            @"Software\BraveSoftware\Brave-Browser\NativeMessagingHosts", ["brave-browser", "brave"]),
        new("firefox", "Firefox", true, ".mozilla", "Library/Application Support/Mozilla",
            @"Software\Mozilla\NativeMessagingHosts", ["firefox", "firefox-esr"]),
    ];

    public static BrowserTarget? Find(string id) =>
        All.FirstOrDefault(b => string.Equals(b.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The browser's per-user configuration folder (Linux/macOS).</summary>
    public string ConfigDirectory(string userHome) =>
        Path.Combine(userHome, OperatingSystem.IsMacOS() ? MacConfigDir : LinuxConfigDir);

    /// <summary>Folder the browser reads native host manifests from for this user.</summary>
    public string ManifestDirectory(string userHome)
    {
        if (OperatingSystem.IsWindows())
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return Path.Combine(local, "LinkSnap", "native-hosts", Id);
        }

        // Firefox uses its own folder name and spelling on each platform.
        var dir = ConfigDirectory(userHome);
        if (IsFirefox)
        {
            return Path.Combine(dir, OperatingSystem.IsMacOS() ? "NativeMessagingHosts" : "native-messaging-hosts");
        }

        return Path.Combine(dir, "NativeMessagingHosts");
    }

    /// <summary>Installed when its profile folder exists or its executable is on PATH.</summary>
    public bool IsPresent(string userHome)
    {
        if (!OperatingSystem.IsWindows() && Directory.Exists(ConfigDirectory(userHome)))
        {
            return true;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return Executables.Any(exe => path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, exe))));
    }
}
