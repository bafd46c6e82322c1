using System.Security.Cryptography;
using LinkSnap.Shared;

namespace LinkSnap.Web;

/// <summary>
/// The library's own host name, random per install (e.g. "ls-k3x9….localhost"). Browsers resolve every
/// *.localhost name to loopback, and cookies are scoped by host, not port: on a name of its own the
/// session cookie never reaches another loopback service (127.0.0.1:any, localhost:any), nor the
/// snapshot origin, which stays on 127.0.0.1. The name is not handed to unauthenticated callers, so a
/// page on another loopback port cannot steer the browser to "name.localhost:its-port" to collect it.
/// </summary>
public sealed class LibraryHostName
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private LibraryHostName(string value) => Value = value;

    public string Value { get; }

    public static LibraryHostName LoadOrCreate(LinkSnapPaths paths)
    {
        paths.EnsureCreated();
        var path = Path.Combine(paths.DataDirectory, "library-host");
        var existing = PrivateFile.Read(path);
        if (IsValid(existing))
        {
            return new LibraryHostName(existing);
        }

        // 20 characters of base32: 100 bits, unguessable by a page that probes names.
        var name = "ls-" + new string(RandomNumberGenerator.GetItems<char>(Alphabet, 20)) + ".localhost";
        PrivateFile.Write(path, name);
        return new LibraryHostName(name);
    }

    public bool Matches(string host) => string.Equals(host, Value, StringComparison.OrdinalIgnoreCase);

    private static bool IsValid(string name) =>
        name.StartsWith("ls-", StringComparison.Ordinal) && name.EndsWith(".localhost", StringComparison.Ordinal)
        && name.Length == 3 + 20 + 10 && name[3..^10].All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
