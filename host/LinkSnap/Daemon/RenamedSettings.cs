namespace LinkSnap.Daemon;

/// <summary>
/// Settings whose key changed. An old key still works when the new one is not set, and the log says to
/// rename it, so an existing appsettings.json or LINKSNAP_* variable keeps its meaning.
/// </summary>
internal static class RenamedSettings
{
    private static readonly (string Old, string New, string Why)[] Renames =
    [
        ("Daemon:JobTimeout", "Capture:JobTimeout", "one whole-job limit instead of two, decision 066"),
    ];

    /// <summary>Copies each set old key to its new key unless that is set too; returns what to log.</summary>
    public static IReadOnlyList<string> Apply(IConfigurationManager configuration)
    {
        var warnings = new List<string>();
        var copies = new Dictionary<string, string?>();
        foreach (var (old, renamed, why) in Renames)
        {
            if (configuration[old] is not { } value)
            {
                continue;
            }

            if (configuration[renamed] is { } current)
            {
                warnings.Add($"The setting {old} ({value}) is no longer read: {renamed} ({current}) applies ({why}). Remove {old}.");
            }
            else
            {
                copies[renamed] = value;
                warnings.Add($"The setting {old} is now called {renamed} ({why}); its value {value} is used. Rename it.");
            }
        }

        if (copies.Count > 0)
        {
            configuration.AddInMemoryCollection(copies);
        }

        return warnings;
    }
}
