namespace LinkSnap.Install;

/// <summary>Finds the published relay: beside the linksnap executable unless given explicitly.</summary>
public static class RelayLocator
{
    public static string ExecutableName => OperatingSystem.IsWindows() ? "linksnap-relay.exe" : "linksnap-relay";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, ExecutableName);

    public static string Resolve(string? explicitPath)
    {
        var path = explicitPath ?? DefaultPath;
        if (!File.Exists(path))
        {
            throw new InstallException(
                $"the relay was not found at {path}. Publish it next to linksnap " +
                "(dotnet publish host/LinkSnap.Relay -c Release -o <linksnap folder>) or pass --relay PATH.");
        }

        return path;
    }
}
