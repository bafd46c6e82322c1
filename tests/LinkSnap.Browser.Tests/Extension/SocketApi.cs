using System.Net.Http.Json;
using LinkSnap.Api;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Shared;
using LinkSnap.Testing;

namespace LinkSnap.Browser.Tests.Extension;

/// <summary>Reads the daemon's JSON API over its Unix socket, as the API's own reply types, to check what the extension stored.</summary>
public sealed class SocketApi : IDisposable
{
    private readonly HttpClient _http;

    public SocketApi(string socketPath)
    {
        _http = DaemonSocketHttp.CreateClient(socketPath, TimeSpan.FromSeconds(30));
    }

    public async Task<T> GetAsync<T>(string path)
    {
        using var response = await _http.GetAsync(path.TrimStart('/'));
        return await ReadAsync<T>(response, $"GET {path}");
    }

    public Task<string> GetTextAsync(string path) => _http.GetStringAsync(path.TrimStart('/'));

    public async Task PostAsync(string path, object body)
    {
        using var response = await _http.PostAsJsonAsync(path.TrimStart('/'), body, SnapshotJson.Options);
        await EnsureSuccessAsync(response, $"POST {path}");
    }

    public async Task PutAsync(string path, object body)
    {
        using var response = await _http.PutAsJsonAsync(path.TrimStart('/'), body, SnapshotJson.Options);
        await EnsureSuccessAsync(response, $"PUT {path}");
    }

    /// <summary>The stored link for a URL (by the daemon's normalized lookup), or null.</summary>
    public async Task<LinkDto?> FindLinkAsync(string url)
    {
        var lookup = await GetAsync<LookupDto>("api/lookup?url=" + Uri.EscapeDataString(url));
        return lookup is { Saved: true, LinkId: { } id } ? await GetAsync<LinkDto>($"api/links/{id}") : null;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Polls until the daemon has the URL saved with a finished snapshot (bounded).</summary>
    public async Task<(LinkDto Link, SnapshotDto Snapshot)> WaitForSavedAsync(string url, TimeSpan? limit = null)
    {
        var saved = await Eventually.ValueAsync(
            async () =>
            {
                if (await FindLinkAsync(url) is { Snapshots: [var latest, ..] } link)
                {
                    var snapshot = await GetAsync<SnapshotDto>($"api/snapshots/{latest.Id}");
                    return snapshot.Status is SnapshotStatus.Done or SnapshotStatus.Partial or SnapshotStatus.Failed ? (link, snapshot) : ((LinkDto, SnapshotDto)?)null;
                }

                return null;
            },
            found => found is not null, limit ?? TimeSpan.FromSeconds(90), _ => $"{url} to be saved");
        return saved!.Value;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string what)
    {
        await EnsureSuccessAsync(response, what);
        return await response.Content.ReadFromJsonAsync<T>(SnapshotJson.Options) ?? throw new HttpRequestException($"{what}: no {typeof(T).Name} in the answer");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
