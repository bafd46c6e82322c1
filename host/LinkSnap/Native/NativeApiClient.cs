using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LinkSnap.Native;

/// <summary>
/// Calls the daemon's own JSON API (docs/api.md) over the per-user socket the message arrived on, so
/// native messages go through exactly the same validation, storage and queue as the library and the CLI.
/// HTTP failures are translated once here into protocol errors.
/// </summary>
public sealed class NativeApiClient : IDisposable
{
    private readonly HttpClient _http;

    public NativeApiClient(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://localhost/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public Task<JsonNode> GetAsync(string path, string notFoundMessage, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), "bad-message", notFoundMessage, cancellationToken);

    public Task<JsonNode> PostAsync(string path, JsonObject body, string badRequestCode, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, badRequestCode, "not found", cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<JsonNode> SendAsync(HttpRequestMessage request, string badRequestCode, string notFoundMessage, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return (text.Length == 0 ? null : JsonNode.Parse(text)) ?? new JsonObject();
            }

            var detail = ProblemDetail(text) ?? $"HTTP {(int)response.StatusCode}";
            throw response.StatusCode switch
            {
                HttpStatusCode.BadRequest => new NativeException(badRequestCode, detail),
                HttpStatusCode.NotFound => new NativeException("not-found", notFoundMessage),
                HttpStatusCode.RequestEntityTooLarge => new NativeException("too-large", detail),
                HttpStatusCode.TooManyRequests => new NativeException("queue-full", detail),
                _ => new NativeException("internal", $"{request.Method} {request.RequestUri}: {detail}"),
            };
        }
    }

    private static string? ProblemDetail(string text)
    {
        try
        {
            var node = JsonNode.Parse(text);
            return node?["detail"]?.GetValue<string>() ?? node?["title"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return text.Length > 0 ? text[..Math.Min(text.Length, 300)] : null;
        }
    }
}
