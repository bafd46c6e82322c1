using Microsoft.Extensions.DependencyInjection;

namespace LinkSnap.Testing.Daemon;

/// <summary>
/// Where the test daemon runs. InProcess is the default: it starts in about a second, and a test can
/// replace services (a fake clock, a fake capture engine) and read the store. Process runs
/// `linksnap serve` as a child, for what only a real process shows: SIGKILL and crash recovery, signals,
/// file modes under a umask, and the published build the bench measures.
/// </summary>
public enum DaemonHosting
{
    InProcess,
    Process,
}

/// <summary>How <see cref="TestDaemon"/> starts the daemon.</summary>
public sealed record TestDaemonOptions
{
    public DaemonHosting Hosting { get; init; } = DaemonHosting.InProcess;

    /// <summary>The data directory; null: a fresh temp directory the fixture deletes on dispose.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Configuration keys ("Background:HostGap" = "00:00:00") on top of the test defaults.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>Services replaced before the daemon starts (InProcess only).</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>How long a daemon in its own process may take to answer (the bench's libraries make a first start slow).</summary>
    public TimeSpan StartBound { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The linksnap.dll to run (Process only); null: the build next to the tests.</summary>
    public string? Executable { get; init; }

    /// <summary>The settings every test daemon gets: an ephemeral port, loopback test pages allowed, quiet logs.</summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>
    {
        ["Daemon:Port"] = "0",
        ["Capture:AllowPrivateTargets"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>`linksnap serve` as a child process on <paramref name="dataDirectory"/>, with these settings.</summary>
    public static TestDaemonOptions OwnProcess(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null) => new()
    {
        Hosting = DaemonHosting.Process,
        DataDirectory = dataDirectory,
        Settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()),
    };

    /// <summary>Settings from command-line form ("--Key:Sub=value"), for fixtures that declare them as arguments.</summary>
    public static Dictionary<string, string> FromArguments(IEnumerable<string> arguments) =>
        arguments.Select(a => a.TrimStart('-').Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
}
