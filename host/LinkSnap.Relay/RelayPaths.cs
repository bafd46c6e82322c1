namespace LinkSnap.Relay;

/// <summary>
/// The few paths the relay needs. Duplicates LinkSnap.Core's LinkSnapPaths rules on purpose: the relay
/// must not reference LinkSnap.Core (it pulls Playwright into a binary that must start in milliseconds).
/// RelayPathsTests keep the two in step.
/// </summary>
internal sealed class RelayPaths
{
    public RelayPaths(string dataDirectory)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
    }

    public string DataDirectory { get; }

    public string SocketPath => Path.Combine(DataDirectory, "daemon.sock");

    public string LogsDirectory => Path.Combine(DataDirectory, "logs");

    /// <summary>Extra allowed extension origins written by `linksnap install --extension-id`.</summary>
    public string AllowedOriginsPath => Path.Combine(DataDirectory, "native-origins.json");

    public static RelayPaths FromEnvironment() => new(ResolveDataDirectory());

    public static string ResolveDataDirectory()
    {
        var home = Environment.GetEnvironmentVariable("LINKSNAP_HOME");
        if (!string.IsNullOrWhiteSpace(home))
        {
            return home;
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "LinkSnap");
        }

        var userHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(userHome, "Library", "Application Support", "LinkSnap");
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var dataHome = string.IsNullOrWhiteSpace(xdg) ? Path.Combine(userHome, ".local", "share") : xdg;
        return Path.Combine(dataHome, "linksnap");
    }
}
