using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LinkSnap.Relay.Protocol;

/// <summary>Builds reply frames: {id, ok:true, result} from the daemon, or {id, ok:false, error:{code, message}}.</summary>
internal static class Replies
{
    // Replies go to a JSON parser, never into HTML: keep quotes and non-ASCII readable in logs.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Error(string? id, string code, string message)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            WriteId(w, id);
            w.WriteBoolean("ok", false);
            w.WriteStartObject("error");
            w.WriteString("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static byte[] Error(string? id, ProtocolError error) => Error(id, error.Code, error.Message);

    /// <summary>
    /// Puts the request's id on the daemon's reply ({ok, result|error}). Null when the daemon's body is not
    /// a JSON object with a boolean "ok" (then the caller answers with an error instead).
    /// </summary>
    public static byte[]? FromDaemon(string id, byte[] daemonBody)
    {
        try
        {
            using var doc = JsonDocument.Parse(daemonBody);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok) || ok.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return null;
            }

            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            {
                w.WriteStartObject();
                WriteId(w, id);
                foreach (var property in root.EnumerateObject().Where(p => !p.NameEquals("id")))
                {
                    property.WriteTo(w);
                }

                w.WriteEndObject();
            }

            return buffer.ToArray();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Describe(byte[] body) => Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200));

    private static void WriteId(Utf8JsonWriter w, string? id)
    {
        if (id is null)
        {
            w.WriteNull("id");
        }
        else
        {
            w.WriteString("id", id);
        }
    }
}
