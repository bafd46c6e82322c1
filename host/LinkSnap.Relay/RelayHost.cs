using System.Text.Json;
using LinkSnap.Relay.Daemon;
using LinkSnap.Relay.Framing;
using LinkSnap.Relay.Protocol;
using LinkSnap.Shared;

namespace LinkSnap.Relay;

/// <summary>
/// The relay's loop: frame in → validate → forward to the daemon → frame out, until stdin ends.
/// Every problem with a message becomes an error reply; a stream that cannot be resynchronized
/// (bad length, truncation) gets one error reply and a clean exit, so the browser never waits forever.
/// </summary>
internal sealed class RelayHost
{
    private const int MaxDepth = 16;
    private readonly ProtocolSchema _schema;
    private readonly RelayOptions _options;
    private readonly LinkSnapPaths _paths;
    private readonly RelayLog _log;

    public RelayHost(ProtocolSchema schema, RelayOptions options, LinkSnapPaths paths, RelayLog log)
    {
        _schema = schema;
        _options = options;
        _paths = paths;
        _log = log;
    }

    public async Task<int> RunAsync(string[] args, Stream input, Stream output, CancellationToken cancellationToken)
    {
        var reader = new NativeFrameReader(input, Limits.MaxRequestBytes);
        var writer = new NativeFrameWriter(output);
        var origin = OriginGuard.CallerOrigin(args);
        if (!OriginGuard.Create(_paths, _log).IsAllowed(origin))
        {
            _log.Write($"refused caller {origin ?? "(none)"}");
            await writer.WriteAsync(Replies.Error(null, ErrorCodes.ForbiddenOrigin, $"{origin ?? "this caller"} is not a LinkSnap extension"), cancellationToken);
            return 1;
        }

        var daemon = new DaemonForwarder(new DaemonClient(_paths.SocketPath, _options.RequestTimeout), _paths, _options, _log);
        while (true)
        {
            var frame = await reader.ReadAsync(cancellationToken);
            switch (frame.Kind)
            {
                case FrameReadKind.EndOfStream:
                    return 0;
                case FrameReadKind.Broken:
                    _log.Write("closing: " + frame.Problem);
                    await writer.WriteAsync(Replies.Error(null, ErrorCodes.BadFrame, frame.Problem!), cancellationToken);
                    return 1;
                case FrameReadKind.Empty:
                    await writer.WriteAsync(Replies.Error(null, ErrorCodes.BadFrame, frame.Problem!), cancellationToken);
                    continue;
            }

            var reply = await HandleAsync(frame.Body!, daemon, cancellationToken);
            await writer.WriteAsync(reply, cancellationToken);
        }
    }

    private async Task<byte[]> HandleAsync(byte[] body, DaemonForwarder daemon, CancellationToken cancellationToken)
    {
        if (MessageText.Check(body, MaxDepth) is { } problem)
        {
            return Replies.Error(null, problem.Code, problem.Message);
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            return Replies.Error(null, ErrorCodes.BadJson, "the frame is not valid UTF-8 JSON: " + ex.Message);
        }

        using (doc)
        {
            var message = doc.RootElement;
            var id = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                ? idElement.GetString()
                : null;
            if (id is { Length: > 100 })
            {
                id = null;
            }

            var error = _schema.Validate(message);
            if (error is not null)
            {
                return Replies.Error(id, error);
            }

            var reply = await daemon.ForwardAsync(id!, message.GetProperty("type").GetString()!, body, cancellationToken);
            if (reply.Length > Limits.MaxReplyBytes)
            {
                _log.Write($"reply of {reply.Length} bytes to {message.GetProperty("type").GetString()} dropped");
                return Replies.Error(id, ErrorCodes.ReplyTooLarge, $"the daemon's reply ({reply.Length} bytes) is over the native messaging limit");
            }

            return reply;
        }
    }
}
