using System.Security.Cryptography;
using LinkSnap.Core.Paths;
using Microsoft.AspNetCore.WebUtilities;

namespace LinkSnap.Web;

/// <summary>
/// The secret from which library sessions and snapshot capabilities are made. Kept in
/// <see cref="LinkSnapPaths.TokenPath"/> (mode 0600) so that the CLI and the relay, which run as the
/// same user, can hand out a login link, and so that a restart keeps existing sessions valid.
/// </summary>
public sealed class LibraryToken
{
    private readonly byte[] _tokenBytes;

    private LibraryToken(string value)
    {
        Value = value;
        _tokenBytes = System.Text.Encoding.UTF8.GetBytes(value);
    }

    public string Value { get; }

    /// <summary>Reads the token file, creating it (32 random bytes, base64url) when missing or empty.</summary>
    public static LibraryToken LoadOrCreate(LinkSnapPaths paths)
    {
        paths.EnsureCreated();
        var existing = File.Exists(paths.TokenPath) ? File.ReadAllText(paths.TokenPath).Trim() : "";
        if (existing.Length >= 32)
        {
            return new LibraryToken(existing);
        }

        var value = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var temp = paths.TokenPath + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temp, System.Text.Encoding.ASCII, options))
        {
            writer.Write(value);
        }

        File.Move(temp, paths.TokenPath, overwrite: true);
        return new LibraryToken(value);
    }

    /// <summary>Constant-time comparison, so response timing tells nothing about the token.</summary>
    public bool Matches(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate))
        {
            return false;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(candidate);
        return CryptographicOperations.FixedTimeEquals(bytes, _tokenBytes);
    }

    /// <summary>An unguessable, stable capability for one purpose (e.g. viewing one snapshot).</summary>
    public string Capability(string purpose)
    {
        var mac = HMACSHA256.HashData(_tokenBytes, System.Text.Encoding.UTF8.GetBytes(purpose));
        return WebEncoders.Base64UrlEncode(mac, 0, 18);
    }

    public bool CapabilityMatches(string purpose, string? candidate)
    {
        if (string.IsNullOrEmpty(candidate))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(Capability(purpose)),
            System.Text.Encoding.UTF8.GetBytes(candidate));
    }
}
