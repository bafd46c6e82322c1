namespace LinkSnap.Daemon;

/// <summary>
/// Facts about the running daemon, known once Kestrel has bound its ports. Features fill in what
/// they own: the library sets <see cref="LibraryUrl"/>, <see cref="LoginUrl"/> and <see cref="SnapshotPort"/>.
/// </summary>
public sealed class DaemonState
{
    public int Port { get; set; }

    private string? _libraryUrl;

    /// <summary>The library's address without credentials; the library sets it (its own host name).</summary>
    public string LibraryUrl
    {
        get => _libraryUrl ?? $"http://127.0.0.1:{Port}/";
        set => _libraryUrl = value;
    }

    /// <summary>Library URL that also establishes a session (carries the secret); handed out on the socket only.</summary>
    public string? LoginUrl { get; set; }

    /// <summary>Loopback port of the sandboxed origin serving archived copies, when the library runs one.</summary>
    public int? SnapshotPort { get; set; }

    public string SocketPath { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }
}
