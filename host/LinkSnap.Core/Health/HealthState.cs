namespace LinkSnap.Core.Health;

/// <summary>What a link's original page looks like now (docs/architecture.md, "Link health").</summary>
public enum HealthState
{
    /// <summary>Answers with a page (or file).</summary>
    Alive,

    /// <summary>Answers with a permanent redirect to another address.</summary>
    Moved,

    /// <summary>404/410, a DNS name that no longer exists, or failures that persisted over several checks.</summary>
    Gone,

    /// <summary>Answers 200 with a "not found", parked or expired-domain page.</summary>
    SoftNotFound,

    /// <summary>A failure that may pass (timeout, 5xx, refused connection) and has not persisted yet.</summary>
    Unknown,
}

/// <summary>How health states are written in the database, the API and the CLI.</summary>
public static class HealthStates
{
    public static string Text(HealthState state) => state switch
    {
        HealthState.SoftNotFound => "soft-404",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? text, out HealthState state)
    {
        foreach (var candidate in Enum.GetValues<HealthState>())
        {
            if (string.Equals(Text(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }

        state = HealthState.Unknown;
        return false;
    }

    public static HealthState Parse(string text) =>
        TryParse(text, out var state) ? state : throw new FormatException($"unknown health state '{text}'");
}
