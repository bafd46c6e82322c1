using System.Text.Json;
using System.Text.Unicode;
using LinkSnap.Shared;

namespace LinkSnap.Relay.Protocol;

/// <summary>
/// Checks what System.Text.Json leaves unchecked until a string is read: invalid or overlong UTF-8 bytes,
/// lone surrogates written as escapes (\ud800) and repeated keys. The relay and the daemon (which links
/// this file) both run it before looking at a message, so such input is a protocol error, never a crash.
/// </summary>
internal static class MessageText
{
    /// <summary>Null when the body is well-formed UTF-8 JSON without repeated keys, else (code, message).</summary>
    public static (string Code, string Message)? Check(ReadOnlySpan<byte> body, int maxDepth)
    {
        // Utf8.IsValid refuses overlong forms and UTF-8-encoded surrogates as well as stray bytes.
        if (!Utf8.IsValid(body))
        {
            return (ErrorCodes.BadJson, "the frame is not valid UTF-8 (stray, truncated or overlong byte sequence)");
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = maxDepth });
        var keys = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        keys.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        keys.Pop();
                        break;
                    case JsonTokenType.PropertyName when !keys.Peek().Add(reader.GetString()!):
                        return (ErrorCodes.BadMessage, $"the key \"{Shorten(reader.GetString()!)}\" appears more than once");
                    case JsonTokenType.String when reader.ValueIsEscaped:
                        _ = reader.GetString(); // throws on an escaped lone surrogate
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            return (ErrorCodes.BadJson, "the frame is not valid UTF-8 JSON: " + ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return (ErrorCodes.BadJson, "the frame holds text that is not valid Unicode (e.g. a lone surrogate escape): " + ex.Message);
        }

        return null;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
