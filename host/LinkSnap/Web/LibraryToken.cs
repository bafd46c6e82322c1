using System.Security.Cryptography;
using LinkSnap.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace LinkSnap.Web;

/// <summary>
/// The secret that login links carry and from which snapshot capabilities are made. Kept in
/// <see cref="LinkSnapPaths.TokenPath"/> (mode 0600) so that the CLI and the relay, which run as the
/// same user, can hand out a login link. <see cref="Rotate"/> replaces it: old login links and
/// snapshot URLs stop working at once.
/// </summary>
public sealed class LibraryToken
{
    private readonly string _path;
    private volatile Secret _secret;

    private LibraryToken(string path, string value)
    {
        _path = path;
        _secret = new Secret(value);
    }

    public string Value => _secret.Value;

    /// <summary>Reads the token file, creating it (32 random bytes, base64url) when missing or too short.</summary>
    public static LibraryToken LoadOrCreate(LinkSnapPaths paths)
    {
        paths.EnsureCreated();
        var existing = PrivateFile.Read(paths.TokenPath);
        if (existing.Length >= 32)
        {
            return new LibraryToken(paths.TokenPath, existing);
        }

        var token = new LibraryToken(paths.TokenPath, "");
        token.Rotate();
        return token;
    }

    /// <summary>Writes a new random token and uses it from now on.</summary>
    public void Rotate()
    {
        var value = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        PrivateFile.Write(_path, value);
        _secret = new Secret(value);
    }

    /// <summary>Constant-time comparison, so response timing tells nothing about the token.</summary>
    public bool Matches(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(candidate), _secret.Bytes);
    }

    /// <summary>An unguessable capability for one purpose (e.g. viewing one snapshot), valid until rotation.</summary>
    public string Capability(string purpose) => _secret.Capability(purpose);

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

    /// <summary>The token and its bytes swapped as one, so a rotation never mixes old and new.</summary>
    private sealed class Secret(string value)
    {
        public string Value { get; } = value;

        public byte[] Bytes { get; } = System.Text.Encoding.UTF8.GetBytes(value);

        public string Capability(string purpose)
        {
            var mac = HMACSHA256.HashData(Bytes, System.Text.Encoding.UTF8.GetBytes(purpose));
            return WebEncoders.Base64UrlEncode(mac, 0, 18);
        }
    }
}
