using System.Net;
using System.Text;

namespace LinkSnap.Core.Archive;

/// <summary>
/// The HTTP/1.1 message blocks of WARC request and response records. Bodies come as the client
/// decoded them (HttpClient and Chromium hand over bodies without their Content-Encoding and
/// chunking), so those two headers are renamed with an X-LinkSnap-Original- prefix and
/// Content-Length states the stored length: the record stays a valid message that replay tools
/// read as it is, and what the server said is kept.
/// </summary>
public static class HttpMessages
{
    private static readonly string[] Renamed = ["content-encoding", "transfer-encoding", "content-length"];

    public static byte[] Response(HttpExchange exchange)
    {
        var reason = string.IsNullOrWhiteSpace(exchange.StatusText) ? ReasonOf(exchange.Status) : exchange.StatusText;
        var head = new StringBuilder($"HTTP/1.1 {exchange.Status} {reason}\r\n");
        foreach (var (name, value) in exchange.ResponseHeaders)
        {
            if (name.StartsWith(':'))
            {
                continue; // HTTP/2 pseudo-headers: the status is on the status line already
            }

            var renamed = Renamed.Contains(name.ToLowerInvariant());
            foreach (var line in value.Split('\n'))
            {
                head.Append(renamed ? "X-LinkSnap-Original-" + name : name).Append(": ").Append(line.TrimEnd('\r')).Append("\r\n");
            }
        }

        head.Append("Content-Length: ").Append(exchange.Body.Length).Append("\r\n\r\n");
        return Concat(head, exchange.Body);
    }

    public static byte[] Request(HttpExchange exchange)
    {
        var head = new StringBuilder($"{exchange.Method} {exchange.Url.PathAndQuery} HTTP/1.1\r\n");
        if (!exchange.RequestHeaders.Any(h => h.Key.Equals("host", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append("Host: ").Append(exchange.Url.Authority).Append("\r\n");
        }

        foreach (var (name, value) in exchange.RequestHeaders)
        {
            if (!name.StartsWith(':'))
            {
                head.Append(name).Append(": ").Append(value.Replace("\r", "").Replace("\n", " ")).Append("\r\n");
            }
        }

        head.Append("\r\n");
        return Concat(head, exchange.RequestBody ?? []);
    }

    /// <summary>Where the payload (the body) starts in a message block.</summary>
    public static int PayloadOffset(ReadOnlySpan<byte> block)
    {
        var end = block.IndexOf("\r\n\r\n"u8);
        return end < 0 ? block.Length : end + 4;
    }

    /// <summary>The media type of the response's Content-Type, without parameters.</summary>
    public static string? MediaType(HttpExchange exchange)
    {
        var type = exchange.ResponseHeaders.FirstOrDefault(h => h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase)).Value;
        return string.IsNullOrWhiteSpace(type) ? null : type.Split(';')[0].Trim().ToLowerInvariant();
    }

    private static string ReasonOf(int status)
    {
        var name = ((HttpStatusCode)status).ToString();
        return int.TryParse(name, out _) ? "Unknown" : string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));
    }

    private static byte[] Concat(StringBuilder head, byte[] body)
    {
        // Latin-1: header bytes are kept one for one (servers send raw bytes, not UTF-8 text).
        var headBytes = Encoding.Latin1.GetBytes(head.ToString());
        var block = new byte[headBytes.Length + body.Length];
        headBytes.CopyTo(block, 0);
        body.CopyTo(block, headBytes.Length);
        return block;
    }
}
