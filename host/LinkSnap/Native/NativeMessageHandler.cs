using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinkSnap.Daemon;
using LinkSnap.Relay.Protocol;

namespace LinkSnap.Native;

/// <summary>
/// Answers one protocol message (already validated by the relay against protocol.json) by calling the
/// daemon's API, or its services directly for the link messages (<see cref="NativeLinkMessages"/>). Replies are {ok:true, result} or {ok:false, error:{code, message}}; the relay adds the id.
/// </summary>
public sealed class NativeMessageHandler : IDisposable
{
    private const int MaxDepth = 64;
    private readonly DaemonState _state;
    private readonly ILogger<NativeMessageHandler> _logger;
    private readonly Lazy<NativeApiClient> _api;
    private readonly IServiceProvider _services;

    public NativeMessageHandler(DaemonState state, ILogger<NativeMessageHandler> logger, IServiceProvider services)
    {
        _state = state;
        _logger = logger;
        _services = services;
        _api = new Lazy<NativeApiClient>(() => new NativeApiClient(state.SocketPath));
    }

    public async Task<byte[]> HandleAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        if (MessageText.Check(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), MaxDepth) is { } problem)
        {
            return Error(problem.Code, problem.Message);
        }

        JsonObject? message;
        try
        {
            message = JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth }) as JsonObject;
        }
        catch (JsonException ex)
        {
            return Error("bad-json", "the message is not valid JSON: " + ex.Message);
        }

        if (message?["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var type))
        {
            return Error("bad-message", "\"type\" must be a string");
        }

        try
        {
            var links = ActivatorUtilities.CreateInstance<NativeLinkMessages>(_services);
            var result = await new NativeMessageDispatcher(_api.Value, _state, links).DispatchAsync(type, message, cancellationToken);
            return Ok(result);
        }
        catch (NativeException ex)
        {
            return Error(ex.Code, ex.Message);
        }
        catch (Exception ex) when (NativeErrors.Code(ex) is { } code)
        {
            return Error(code, ex.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException or InvalidOperationException or FormatException)
        {
            _logger.LogWarning(ex, "native message {Type} failed", type);
            return Error("internal", $"{type} failed in the daemon: {ex.Message}");
        }
    }

    public void Dispose()
    {
        if (_api.IsValueCreated)
        {
            _api.Value.Dispose();
        }
    }

    private static byte[] Ok(JsonObject result)
    {
        var reply = Encoding.UTF8.GetBytes(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());
        return reply.Length <= NativeProtocol.MaxReplyBytes - 200
            ? reply
            : Error("reply-too-large", $"the answer is {reply.Length} bytes, over the native messaging limit; ask for fewer items");
    }

    private static byte[] Error(string code, string message) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["ok"] = false,
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        }.ToJsonString());
}
