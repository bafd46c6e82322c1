using LinkSnap.Shared;

namespace LinkSnap.Relay;

/// <summary>
/// The relay's few settings, from environment variables (a native host gets no command line of its own).
/// LINKSNAP_EXE: the linksnap executable to start (default: `linksnap` next to the relay);
/// LINKSNAP_RELAY_NO_START=1: never start the daemon on its own (the start message still does); LINKSNAP_RELAY_START_TIMEOUT_MS: how long to wait for it.
/// </summary>
internal sealed record RelayOptions(string DaemonExecutable, bool StartDaemon, TimeSpan StartTimeout, TimeSpan RequestTimeout)
{
    public static RelayOptions FromEnvironment()
    {
        var exeName = OperatingSystem.IsWindows() ? "linksnap.exe" : "linksnap";
        var exe = Environment.GetEnvironmentVariable("LINKSNAP_EXE");
        if (string.IsNullOrWhiteSpace(exe))
        {
            exe = Path.Combine(AppContext.BaseDirectory, exeName);
        }

        var noStart = Environment.GetEnvironmentVariable("LINKSNAP_RELAY_NO_START");
        var timeoutText = Environment.GetEnvironmentVariable("LINKSNAP_RELAY_START_TIMEOUT_MS");
        var timeout = int.TryParse(timeoutText, out var ms) && ms >= 0 ? TimeSpan.FromMilliseconds(ms) : DaemonLauncher.StartTimeout;
        return new RelayOptions(exe, noStart is null or "" or "0", timeout, TimeSpan.FromSeconds(60));
    }
}
