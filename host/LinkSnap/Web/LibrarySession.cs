namespace LinkSnap.Web;

/// <summary>
/// Library sessions made from the secret token. The cookie carries a value derived from the token
/// (not the token itself), so a leaked cookie cannot be turned into login links or snapshot URLs.
/// Other features (status endpoint, CLI open-library, the extension) use <see cref="LoginUrl"/>.
/// </summary>
public sealed class LibrarySession(LibraryToken token, LibraryListeners listeners)
{
    public const string CookieName = "linksnap_session";

    /// <summary>Where a person opens the library: the login link, which sets the cookie and redirects to "/".</summary>
    public string LoginUrl => $"{listeners.LibraryOrigin}/login?token={Uri.EscapeDataString(token.Value)}";

    /// <summary>The library's address without credentials.</summary>
    public string LibraryUrl => listeners.LibraryOrigin + "/";

    public int LibraryPort => listeners.LibraryPort;

    public int SnapshotPort => listeners.SnapshotPort;

    internal string CookieValue => token.Capability("session");

    internal bool IsValidToken(string? candidate) => token.Matches(candidate);

    internal bool IsValidCookie(string? candidate) => token.CapabilityMatches("session", candidate);

    /// <summary>Capability that lets the cookie-less snapshot origin serve one snapshot's files.</summary>
    public string SnapshotCapability(string snapshotId) => token.Capability("snapshot:" + snapshotId);

    internal bool IsValidSnapshotCapability(string snapshotId, string? candidate) =>
        token.CapabilityMatches("snapshot:" + snapshotId, candidate);

    /// <summary>URL of one file of a snapshot on the sandboxed origin.</summary>
    public string SnapshotFileUrl(string snapshotId, string fileName) =>
        $"{listeners.SnapshotOrigin}/s/{Uri.EscapeDataString(snapshotId)}/{SnapshotCapability(snapshotId)}/{Uri.EscapeDataString(fileName)}";
}
