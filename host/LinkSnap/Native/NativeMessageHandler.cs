using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinkSnap.Api;
using LinkSnap.Core.Snapshots;
using LinkSnap.Relay.Protocol;
using LinkSnap.Shared;

namespace LinkSnap.Native;

/// <summary>
/// Answers one protocol message (already validated by the relay against protocol.json) with the
/// services, through <see cref="NativeMessageDispatcher"/>. Replies are {ok:true, result} or
/// {ok:false, error:{code, message}}; the relay adds the id. Failures get their code from the one
/// table the API uses too (<see cref="ServiceError"/>).
/// </summary>
internal sealed class NativeMessageHandler
{
    private const int MaxDepth = 64;
    private readonly NativeMessageDispatcher _dispatcher;
    private readonly ILogger<NativeMessageHandler> _logger;

    public NativeMessageHandler(NativeMessageDispatcher dispatcher, ILogger<NativeMessageHandler> logger)
    {
        _dispatcher = dispatcher;
        _logger = logger;
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
            return Error(ErrorCodes.BadJson, "the message is not valid JSON: " + ex.Message);
        }

        if (message?["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var type))
        {
            return Error(ErrorCodes.BadMessage, "\"type\" must be a string");
        }

        try
        {
            return Ok(JsonSerializer.SerializeToNode(_dispatcher.Dispatch(type, message), SnapshotJson.Options));
        }
        catch (NativeException ex)
        {
            return Error(ex.Code, ex.Message);
        }
        catch (Exception ex) when (ServiceError.Of(ex) is { } error)
        {
            return Error(error.ProtocolCode, error.Detail);
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException or FormatException)
        {
            _logger.LogWarning(ex, "native message {Type} failed", type);
            return Error(ErrorCodes.Internal, $"{type} failed in the daemon: {ex.Message}");
        }
    }

    private static byte[] Ok(JsonNode? result)
    {
        var reply = Encoding.UTF8.GetBytes(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(SnapshotJson.Options));
        // Room for the id the relay adds.
        return reply.Length <= Limits.MaxReplyBytes - 200
            ? reply
            : Error(ErrorCodes.ReplyTooLarge, $"the answer is {reply.Length} bytes, over the native messaging limit; ask for fewer items");
    }

    private static byte[] Error(string code, string message) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["ok"] = false,
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        }.ToJsonString());
}
