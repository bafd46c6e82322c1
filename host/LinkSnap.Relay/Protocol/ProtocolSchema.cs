using System.Text.Json;
using LinkSnap.Shared;

namespace LinkSnap.Relay.Protocol;

/// <summary>
/// The protocol table's field rules (extension/shared/protocol.json, embedded) and a validator driven by
/// them, so the relay and the extension check messages against the same definition. The table's names and
/// limits are compiled in (LinkSnap.Shared's generated NativeProtocol, MessageTypes, ErrorCodes, Limits).
/// </summary>
internal sealed class ProtocolSchema
{
    private readonly Dictionary<string, Dictionary<string, FieldRule>> _messages = new(StringComparer.Ordinal);
    private readonly int _idMaxLength;

    private ProtocolSchema(JsonElement root)
    {
        _idMaxLength = root.GetProperty("envelope").GetProperty("id").GetProperty("maxLength").GetInt32();
        foreach (var message in root.GetProperty("messages").EnumerateObject())
        {
            var fields = new Dictionary<string, FieldRule>(StringComparer.Ordinal);
            foreach (var field in message.Value.GetProperty("request").EnumerateObject())
            {
                fields[field.Name] = FieldRule.Parse(field.Value);
            }

            _messages[message.Name] = fields;
        }
    }

    public static ProtocolSchema Load()
    {
        using var stream = typeof(ProtocolSchema).Assembly.GetManifestResourceStream("protocol.json")
            ?? throw new InvalidOperationException("protocol.json is not embedded in the relay");
        using var doc = JsonDocument.Parse(stream);
        return new ProtocolSchema(doc.RootElement);
    }

    /// <summary>Checks envelope and fields; returns null when valid, else the protocol error.</summary>
    public ProtocolError? Validate(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            return new ProtocolError(ErrorCodes.BadJson, "a message must be a JSON object");
        }

        if (!message.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString()!.Length == 0 || id.GetString()!.Length > _idMaxLength)
        {
            return new ProtocolError(ErrorCodes.BadMessage, $"\"id\" must be a non-empty string of at most {_idMaxLength} characters");
        }

        if (!message.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return new ProtocolError(ErrorCodes.BadMessage, "\"type\" must be a string");
        }

        if (!_messages.TryGetValue(type.GetString()!, out var fields))
        {
            return new ProtocolError(ErrorCodes.UnknownType, $"unknown message type \"{Truncate(type.GetString()!)}\"; known: {string.Join(", ", _messages.Keys)}");
        }

        foreach (var property in message.EnumerateObject())
        {
            if (property.NameEquals("id") || property.NameEquals("type"))
            {
                continue;
            }

            if (!fields.TryGetValue(property.Name, out var rule))
            {
                return new ProtocolError(ErrorCodes.BadMessage, $"\"{Truncate(property.Name)}\" is not a field of {type.GetString()}");
            }

            var problem = rule.Check(property.Value);
            if (problem is not null)
            {
                var code = rule.Type == "string" && problem.StartsWith("longer", StringComparison.Ordinal) && property.Name == "html" ? ErrorCodes.TooLarge : ErrorCodes.BadMessage;
                return new ProtocolError(code, $"\"{property.Name}\" {problem}");
            }
        }

        foreach (var (name, rule) in fields)
        {
            if (rule.Required && !message.TryGetProperty(name, out _))
            {
                return new ProtocolError(ErrorCodes.BadMessage, $"\"{name}\" is required for {type.GetString()}");
            }
        }

        return null;
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
