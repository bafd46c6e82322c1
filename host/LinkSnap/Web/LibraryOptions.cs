namespace LinkSnap.Web;

/// <summary>Settings of the library page, bound from the "Library" configuration section.</summary>
public sealed class LibraryOptions
{
    public const string SectionName = "Library";

    /// <summary>
    /// Loopback port of the sandboxed origin that serves archived copies. 0 picks a free port at start:
    /// the page learns it from the API, so nothing needs it to be stable.
    /// </summary>
    public int SnapshotPort { get; set; }

    /// <summary>How long a library session (made by /login) lasts; the cookie's Max-Age is the same.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    public void Validate()
    {
        if (SnapshotPort is < 0 or > 65535)
        {
            throw new InvalidOperationException($"Library:SnapshotPort must be between 0 and 65535 (was {SnapshotPort}).");
        }

        if (SessionLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Library:SessionLifetime must be positive.");
        }
    }
}
