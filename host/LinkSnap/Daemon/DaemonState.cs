namespace LinkSnap.Daemon;

/// <summary>
/// Facts about the running daemon, known once Kestrel has bound its ports. Features fill in what
/// they own: the library sets <see cref="LoginUrl"/> and <see cref="SnapshotPort"/>.
/// </summary>
public sealed class DaemonState
{
    public int Port { get; set; }

    public string LibraryUrl => $"http://127.0.0.1:{Port}/";

    /// <summary>Library URL that also establishes a session (carries the secret); handed out on the socket only.</summary>
    public string? LoginUrl { get; set; }

    /// <summary>Loopback port of the sandboxed origin serving archived copies, when the library runs one.</summary>
    public int? SnapshotPort { get; set; }

    public string SocketPath { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }
}
