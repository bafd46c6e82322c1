using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using LinkSnap.Core.Archive;
using LinkSnap.Core.Capture.Fetching;
using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>
/// Records what the browser received into the capture's WARC, from CDP <c>Network</c> events:
/// request headers as sent (<c>requestWillBeSentExtraInfo</c>), status and headers as received
/// (<c>responseReceivedExtraInfo</c>, else <c>responseReceived</c>), each redirect hop, and the
/// body from <c>Network.getResponseBody</c> once loading finished. TLS is never broken: HTTPS
/// exchanges are read from the browser's side of the connection. The main document is skipped
/// here (the engine fetched it and records it from there); responses the checking proxy refused
/// and requests that failed are listed in the archive's notes, not stored as responses.
/// </summary>
internal sealed class NetworkArchiving(ICDPSession cdp, CaptureArchive archive, Uri documentUrl)
{
    private readonly ConcurrentDictionary<string, JsonElement> _requests = new();
    private readonly ConcurrentDictionary<string, JsonElement> _responses = new();
    private readonly ConcurrentDictionary<string, JsonElement> _sentHeaders = new();
    private readonly ConcurrentDictionary<string, JsonElement> _receivedHeaders = new();
    private readonly List<Task> _bodies = [];
    private readonly string _document = documentUrl.GetLeftPart(UriPartial.Query);

    public async Task AttachAsync(ArchiveLimits limits)
    {
        On("Network.requestWillBeSent", OnRequest);
        On("Network.requestWillBeSentExtraInfo", e => _sentHeaders[Id(e)] = e);
        On("Network.responseReceivedExtraInfo", e => _receivedHeaders[Id(e)] = e);
        On("Network.responseReceived", e => _responses[Id(e)] = e);
        On("Network.loadingFinished", OnFinished);
        On("Network.loadingFailed", OnFailed);
        await cdp.SendAsync("Network.enable", new()
        {
            // Chromium keeps bodies only within these buffers; what does not fit cannot be read back.
            ["maxResourceBufferSize"] = (int)Math.Min(limits.MaxResourceBytes, int.MaxValue),
            ["maxTotalBufferSize"] = (int)Math.Min(limits.MaxTotalBytes, int.MaxValue),
        });
    }

    /// <summary>Waits (bounded) for the bodies still being read; call before the page closes.</summary>
    public async Task DrainAsync(TimeSpan bound)
    {
        Task[] pending;
        lock (_bodies)
        {
            pending = [.. _bodies];
        }

        try
        {
            await Task.WhenAll(pending).WaitAsync(bound);
        }
        catch (TimeoutException)
        {
            archive.Note(documentUrl.AbsoluteUri, $"some response bodies could not be read within {bound.TotalSeconds:0} s");
        }
    }

    private void On(string name, Action<JsonElement> handler) =>
        cdp.Event(name).OnEvent += (_, e) =>
        {
            if (e is { } element)
            {
                handler(element.Clone());
            }
        };

    private static string Id(JsonElement e) => e.GetProperty("requestId").GetString() ?? "";

    private void OnRequest(JsonElement e)
    {
        var id = Id(e);
        if (e.TryGetProperty("redirectResponse", out var redirect) && _requests.TryGetValue(id, out var previous))
        {
            // The hop before this one ended in a redirect: its response carries no body.
            _receivedHeaders.TryRemove(id, out var received);
            _sentHeaders.TryRemove(id, out var sent);
            Store(previous, redirect, sent, received, []);
        }

        _requests[id] = e;
    }

    private void OnFinished(JsonElement e)
    {
        var id = Id(e);
        if (!_requests.TryRemove(id, out var request) || !_responses.TryRemove(id, out var response))
        {
            return;
        }

        _sentHeaders.TryRemove(id, out var sent);
        _receivedHeaders.TryRemove(id, out var received);
        var url = Url(request);
        if (url is null || IsMainDocument(request, url))
        {
            return;
        }

        var refused = Header(Headers(response.GetProperty("response"), "headers"), CheckingProxy.RefusedHeader);
        if (refused is not null)
        {
            archive.Note(url, "refused: " + refused);
            return;
        }

        var task = ReadBodyAndStoreAsync(id, request, response.GetProperty("response"), sent, received);
        lock (_bodies)
        {
            _bodies.Add(task);
        }
    }

    private void OnFailed(JsonElement e)
    {
        var id = Id(e);
        _responses.TryRemove(id, out _);
        _sentHeaders.TryRemove(id, out _);
        _receivedHeaders.TryRemove(id, out _);
        if (_requests.TryRemove(id, out var request) && Url(request) is { } url && !IsMainDocument(request, url))
        {
            var reason = e.TryGetProperty("blockedReason", out var blocked) ? "blocked: " + blocked.GetString() : "failed: " + e.GetProperty("errorText").GetString();
            archive.Note(url, reason);
        }
    }

    private async Task ReadBodyAndStoreAsync(string id, JsonElement request, JsonElement response, JsonElement sent, JsonElement received)
    {
        byte[] body = [];
        try
        {
            var result = await cdp.SendAsync("Network.getResponseBody", new() { ["requestId"] = id });
            if (result is { } r)
            {
                var text = r.GetProperty("body").GetString() ?? "";
                body = r.GetProperty("base64Encoded").GetBoolean() ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text);
            }
        }
        catch (PlaywrightException e)
        {
            // 204/304 and the like have no body; a body evicted from Chromium's buffer is noted.
            if (response.GetProperty("status").GetInt32() is not (204 or 304) && !e.Message.Contains("No data found", StringComparison.Ordinal))
            {
                archive.Note(Url(request) ?? "", "body not stored: " + e.Message.Split('\n')[0]);
            }
        }

        Store(request, response, sent, received, body);
    }

    private void Store(JsonElement request, JsonElement response, JsonElement sent, JsonElement received, byte[] body)
    {
        var url = Url(request);
        if (url is null || IsMainDocument(request, url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return;
        }

        var req = request.GetProperty("request");
        var status = received.ValueKind == JsonValueKind.Object && received.TryGetProperty("statusCode", out var code) ? code.GetInt32() : response.GetProperty("status").GetInt32();
        var wallTime = request.TryGetProperty("wallTime", out var wall) ? wall.GetDouble() : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        archive.Record(new HttpExchange
        {
            Url = uri,
            Method = req.GetProperty("method").GetString() ?? "GET",
            RequestHeaders = sent.ValueKind == JsonValueKind.Object ? Headers(sent, "headers") : Headers(req, "headers"),
            RequestBody = req.TryGetProperty("postData", out var post) ? Encoding.UTF8.GetBytes(post.GetString() ?? "") : null,
            Status = status,
            StatusText = response.TryGetProperty("statusText", out var text) ? text.GetString() : null,
            ResponseHeaders = received.ValueKind == JsonValueKind.Object ? Headers(received, "headers") : Headers(response, "headers"),
            Body = body,
            Date = DateTimeOffset.FromUnixTimeMilliseconds((long)(wallTime * 1000)),
        });
    }

    private static string? Url(JsonElement request)
    {
        var url = request.GetProperty("request").GetProperty("url").GetString();
        return url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ? url : null;
    }

    private bool IsMainDocument(JsonElement request, string url) =>
        request.TryGetProperty("type", out var type) && type.GetString() == "Document"
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.GetLeftPart(UriPartial.Query) == _document;

    private static List<KeyValuePair<string, string>> Headers(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var headers) && headers.ValueKind == JsonValueKind.Object
            ? [.. headers.EnumerateObject().Select(h => new KeyValuePair<string, string>(h.Name, h.Value.GetString() ?? ""))]
            : [];

    private static string? Header(List<KeyValuePair<string, string>> headers, string name) =>
        headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
