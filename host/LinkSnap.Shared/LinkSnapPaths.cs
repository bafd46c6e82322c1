namespace LinkSnap.Shared;

/// <summary>
/// Where LinkSnap keeps its files. Everything lives under one data directory so that a
/// backup, a move or a test is a single folder: LINKSNAP_HOME, else the platform's user data dir.
/// The relay, the daemon, the CLI, the tests and the bench all read the rules from here (decision 058).
/// </summary>
public sealed class LinkSnapPaths
{
    public LinkSnapPaths(string dataDirectory)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
    }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "linksnap.db");

    /// <summary>One folder per snapshot lives below this.</summary>
    public string SnapshotsDirectory => Path.Combine(DataDirectory, "snapshots");

    public string LogsDirectory => Path.Combine(DataDirectory, "logs");

    /// <summary>Per-user socket of the daemon. Kept short: Unix socket paths are limited to ~104 bytes.</summary>
    public string SocketPath => Path.Combine(DataDirectory, "daemon.sock");

    /// <summary>
    /// Held locked (flock) by the one daemon of this data directory from before it touches anything until it exits:
    /// the relay and the CLI may start several daemons at once, and only one may migrate, bind and serve.
    /// </summary>
    public string DaemonLockPath => Path.Combine(DataDirectory, "daemon.lock");

    /// <summary>JSON written by a running daemon: pid, ports, library URL (see docs/configuration.md).</summary>
    public string DaemonInfoPath => Path.Combine(DataDirectory, "daemon.json");

    /// <summary>Extra allowed extension origins written by `linksnap install --extension-id`, read by the relay.</summary>
    public string AllowedOriginsPath => Path.Combine(DataDirectory, "native-origins.json");

    /// <summary>Where a daemon started in the background (by the relay or the CLI) writes its output.</summary>
    public string DaemonLogPath => Path.Combine(LogsDirectory, "daemon.log");

    /// <summary>
    /// Written by `linksnap stop`, deleted by a starting daemon: while it exists the relay does not start the
    /// daemon on its own but answers daemon-stopped, so the extension can say so and offer to start it (decision 068).
    /// </summary>
    public string StoppedMarkerPath => Path.Combine(DataDirectory, "stopped");

    /// <summary>Secret from which library sessions are made (file mode 0600).</summary>
    public string TokenPath => Path.Combine(DataDirectory, "token");

    public static LinkSnapPaths FromEnvironment() => new(ResolveDataDirectory());

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

    /// <summary>Creates the data directory readable by the owner only.</summary>
    public void EnsureCreated()
    {
        foreach (var dir in new[] { DataDirectory, SnapshotsDirectory, LogsDirectory })
        {
            if (!Directory.Exists(dir))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(dir);
                }
                else
                {
                    Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }
        }
    }
}
