using System.Security.Cryptography;
using System.Text.Json;
using LinkSnap.Shared;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace LinkSnap.Web;

/// <summary>
/// Server-side library sessions: each login makes a random id (the cookie), valid until it expires
/// (<see cref="LibraryOptions.SessionLifetime"/>, read from <see cref="TimeProvider"/>), the person
/// logs out, or the token is rotated. Only SHA-256 hashes of the ids are kept, in "sessions.json"
/// (0600), so sessions survive a daemon restart and a copy of the file opens nothing.
/// </summary>
public sealed class LibrarySessions
{
    private readonly Lock _lock = new();
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly Dictionary<string, DateTimeOffset> _expiries;

    public LibrarySessions(LinkSnapPaths paths, TimeProvider time, IOptions<LibraryOptions> options)
    {
        _path = Path.Combine(paths.DataDirectory, "sessions.json");
        _time = time;
        _lifetime = options.Value.SessionLifetime;
        _expiries = Load(_path);
    }

    public TimeSpan Lifetime => _lifetime;

    /// <summary>Starts a session; returns the id to put in the cookie.</summary>
    public string Create()
    {
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        lock (_lock)
        {
            DropExpired();
            _expiries[Hash(id)] = _time.GetUtcNow() + _lifetime;
            Save();
        }

        return id;
    }

    public bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 100)
        {
            return false;
        }

        lock (_lock)
        {
            return _expiries.TryGetValue(Hash(id), out var expires) && _time.GetUtcNow() < expires;
        }
    }

    public void End(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return;
        }

        lock (_lock)
        {
            if (_expiries.Remove(Hash(id)))
            {
                Save();
            }
        }
    }

    public void EndAll()
    {
        lock (_lock)
        {
            _expiries.Clear();
            Save();
        }
    }

    private void DropExpired()
    {
        var now = _time.GetUtcNow();
        foreach (var hash in _expiries.Where(e => e.Value <= now).Select(e => e.Key).ToList())
        {
            _expiries.Remove(hash);
        }
    }

    private void Save() => PrivateFile.Write(_path, JsonSerializer.Serialize(_expiries));

    private static Dictionary<string, DateTimeOffset> Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>(PrivateFile.Read(path) is { Length: > 0 } json ? json : "{}") ?? [];
        }
        catch (JsonException)
        {
            return []; // a damaged file only signs everyone out
        }
    }

    private static string Hash(string id) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)));
}
