namespace LinkSnap.Web;

/// <summary>
/// Library sign-in: the token (in login links) opens a server-side session (<see cref="LibrarySessions"/>),
/// whose random id is the cookie, so a cookie says nothing about the token and ends on logout, expiry
/// or rotation. Other features (status endpoint, CLI open-library, the extension) use <see cref="LoginUrl"/>.
/// </summary>
public sealed class LibrarySession(LibraryToken token, LibrarySessions sessions, LibraryListeners listeners)
{
    public const string CookieName = "linksnap_session";

    /// <summary>Where a person opens the library: the login link, which sets the cookie and redirects to "/".</summary>
    public string LoginUrl => $"{listeners.LibraryOrigin}/login?token={Uri.EscapeDataString(token.Value)}";

    /// <summary>The library's address without credentials.</summary>
    public string LibraryUrl => listeners.LibraryOrigin + "/";

    public string LibraryHost => listeners.LibraryHost;

    public int LibraryPort => listeners.LibraryPort;

    public int SnapshotPort => listeners.SnapshotPort;

    public TimeSpan Lifetime => sessions.Lifetime;

    internal bool IsValidToken(string? candidate) => token.Matches(candidate);

    internal string Start() => sessions.Create();

    internal bool IsValidCookie(string? candidate) => sessions.IsValid(candidate);

    internal void End(string? cookie) => sessions.End(cookie);

    /// <summary>A new token: every login link, session and snapshot URL made from the old one stops working.</summary>
    public void RotateToken()
    {
        token.Rotate();
        sessions.EndAll();
    }

    /// <summary>Capability that lets the cookie-less snapshot origin serve one snapshot's files.</summary>
    public string SnapshotCapability(string snapshotId) => token.Capability("snapshot:" + snapshotId);

    internal bool IsValidSnapshotCapability(string snapshotId, string? candidate) =>
        token.CapabilityMatches("snapshot:" + snapshotId, candidate);

    /// <summary>URL of one file of a snapshot on the sandboxed origin.</summary>
    public string SnapshotFileUrl(string snapshotId, string fileName) =>
        $"{listeners.SnapshotOrigin}/s/{Uri.EscapeDataString(snapshotId)}/{SnapshotCapability(snapshotId)}/{Uri.EscapeDataString(fileName)}";
}
