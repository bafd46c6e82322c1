using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using LinkSnap.Api;
using LinkSnap.Core.Snapshots;
using LinkSnap.Shared;

namespace LinkSnap.Cli;

/// <summary>
/// HTTP client of the daemon API over the per-user Unix socket (no token: access to the socket is
/// the authorization). Errors come back as <see cref="DaemonApiException"/> (a ProblemDetails from
/// the daemon) or <see cref="DaemonUnreachableException"/> (nothing answers on the socket).
/// </summary>
public sealed class DaemonClient : IDisposable
{
    private readonly HttpClient _http;

    public DaemonClient(string socketPath, TimeSpan? timeout = null)
    {
        SocketPath = socketPath;
        _http = DaemonSocketHttp.CreateClient(socketPath, timeout ?? TimeSpan.FromMinutes(2));
    }

    public string SocketPath { get; }

    // The commands read every answer as the API's own reply type (GetAsync<T>, SendAsync<T>). The raw
    // JSON forms below are for the tests, which check the wire shape itself.

    internal Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    internal Task<JsonElement> PostAsync(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, cancellationToken);

    /// <summary>DELETE; the answer (204) has no body.</summary>
    public Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, path, null, cancellationToken);

    /// <summary>GET, the answer read as the API's own reply type.</summary>
    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        Read<T>(await SendAsync(HttpMethod.Get, path, null, cancellationToken));

    /// <summary>Any method, the answer read as the API's own reply type.</summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken) =>
        Read<T>(await SendAsync(method, path, body, cancellationToken));

    private static T Read<T>(JsonElement json) =>
        json.Deserialize<T>(SnapshotJson.Options) ?? throw new DaemonApiException(500, $"The daemon answered with no {typeof(T).Name}.");

    /// <summary>Sends a request; returns the JSON answer (an empty object for 204).</summary>
    internal async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is HttpContent content)
        {
            request.Content = content; // a file upload (linksnap import)
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: SnapshotJson.Options);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException or IOException || e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw new DaemonUnreachableException(SocketPath, e.Message);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var json = text.Length == 0 ? JsonDocument.Parse("{}").RootElement : ParseOrText(text);
            if (response.IsSuccessStatusCode)
            {
                return json;
            }

            var detail = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String
                ? d.GetString()!
                : $"{(int)response.StatusCode} {response.ReasonPhrase}";
            throw new DaemonApiException((int)response.StatusCode, detail);
        }
    }

    /// <summary>Opens a streaming response (GET /api/events) and returns its body as it arrives.</summary>
    public async Task<Stream> OpenStreamAsync(string path, CancellationToken cancellationToken)
    {
        var response = await _http.GetAsync(path.TrimStart('/'), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStreamAsync(cancellationToken);
    }

    /// <summary>
    /// Streams a download (GET) into <paramref name="destination"/> as it arrives, never whole in
    /// memory; returns the file name the daemon suggests. Errors come back as for <see cref="SendAsync"/>.
    /// </summary>
    public async Task<string?> DownloadAsync(string path, Func<string?, Stream> destination, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(path.TrimStart('/'), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException or IOException || e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw new DaemonUnreachableException(SocketPath, e.Message);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var json = ParseOrText(await response.Content.ReadAsStringAsync(cancellationToken));
                throw new DaemonApiException((int)response.StatusCode, json.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : response.ReasonPhrase ?? "");
            }

            var fileName = response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
            await using var target = destination(fileName);
            await response.Content.CopyToAsync(target, cancellationToken);
            return fileName;
        }
    }

    /// <summary>The raw response, for callers that need status and headers (tests, file downloads).</summary>
    public Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _http.SendAsync(request, cancellationToken);

    /// <summary>True when the daemon answers GET /api/status.</summary>
    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken)
    {
        try
        {
            await GetAsync<StatusDto>("/api/status", cancellationToken);
            return true;
        }
        catch (DaemonUnreachableException)
        {
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static JsonElement ParseOrText(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(new { detail = text });
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>The daemon answered with an error (ProblemDetails); Detail is meant for a person.</summary>
public sealed class DaemonApiException(int status, string detail) : Exception(detail)
{
    public int Status { get; } = status;
}

/// <summary>Nothing answers on the daemon socket.</summary>
public sealed class DaemonUnreachableException(string socketPath, string why)
    : Exception($"The LinkSnap daemon is not reachable on {socketPath} ({why}). Start it with `linksnap serve` or check its log.");
