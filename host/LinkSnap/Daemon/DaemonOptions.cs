using System.ComponentModel.DataAnnotations;

namespace LinkSnap.Daemon;

/// <summary>Options of the daemon (configuration section "Daemon"; env LINKSNAP_Daemon__Port etc.).</summary>
public sealed class DaemonOptions
{
    public const string Section = "Daemon";

    /// <summary>Where the database and snapshots live; default LINKSNAP_HOME or the platform's user data dir.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Loopback TCP port of the library and API; 0 picks a free port.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 5873;

    /// <summary>Captures running at once.</summary>
    [Range(1, 16)]
    public int Concurrency { get; set; } = 2;

    /// <summary>How many times a job may be interrupted by a daemon stopping before it is failed.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// Captures a person asked for (toolbar, Add box, CLI, recapture) that may wait in the queue at once;
    /// more are refused with 429 until some finish. Background work (imports) is not counted.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxQueuedCaptures { get; set; } = 500;

    /// <summary>
    /// How long a database statement waits for a lock held by another process (sqlite3 shell, backup tool)
    /// before the request is answered 503 and the job retries recording its outcome.
    /// </summary>
    public TimeSpan DatabaseBusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Fails with a readable message when a value is out of range.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new InvalidOperationException("Invalid configuration: " + string.Join("; ", results.Select(r => $"Daemon:{string.Join(',', r.MemberNames)} {r.ErrorMessage}")));
        }

        if (DatabaseBusyTimeout < TimeSpan.FromMilliseconds(100) || DatabaseBusyTimeout > TimeSpan.FromMinutes(10))
        {
            throw new InvalidOperationException($"Invalid configuration: Daemon:DatabaseBusyTimeout must be between 00:00:00.1 and 00:10:00 (got {DatabaseBusyTimeout}).");
        }
    }
}
