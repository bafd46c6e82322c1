using System.Net.Http.Json;
using System.Text.Json;
using LinkSnap.Shared;
using LinkSnap.Testing;

namespace LinkSnap.Browser.Tests.Extension;

/// <summary>Reads the daemon's JSON API over its Unix socket, to check what the extension stored.</summary>
public sealed class SocketApi : IDisposable
{
    private readonly HttpClient _http;

    public SocketApi(string socketPath)
    {
        _http = DaemonSocketHttp.CreateClient(socketPath, TimeSpan.FromSeconds(30));
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path.TrimStart('/'));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {path}: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<string> GetTextAsync(string path) => _http.GetStringAsync(path.TrimStart('/'));

    public async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await _http.PostAsJsonAsync(path.TrimStart('/'), body);
        return await ReadAsync(response);
    }

    public async Task<JsonElement> PutAsync(string path, object body)
    {
        using var response = await _http.PutAsJsonAsync(path.TrimStart('/'), body);
        return await ReadAsync(response);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The stored link for a URL (by the daemon's normalized lookup), or null.</summary>
    public async Task<JsonElement?> FindLinkAsync(string url)
    {
        var lookup = await GetAsync("api/lookup?url=" + Uri.EscapeDataString(url));
        return lookup.GetProperty("saved").GetBoolean() ? await GetAsync($"api/links/{lookup.GetProperty("linkId").GetInt64()}") : null;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Polls until the daemon has the URL saved with a finished snapshot (bounded).</summary>
    public async Task<(JsonElement Link, JsonElement Snapshot)> WaitForSavedAsync(string url, TimeSpan? limit = null)
    {
        var saved = await Eventually.ValueAsync(
            async () =>
            {
                if (await FindLinkAsync(url) is { } link && link.GetProperty("snapshots").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } latest)
                {
                    var snapshot = await GetAsync($"api/snapshots/{latest.GetProperty("id").GetInt64()}");
                    return snapshot.GetProperty("status").GetString() is "done" or "partial" or "failed" ? (link, snapshot) : ((JsonElement, JsonElement)?)null;
                }

                return null;
            },
            found => found is not null, limit ?? TimeSpan.FromSeconds(90), _ => $"{url} to be saved");
        return saved!.Value;
    }
}
