using System.Text;

namespace LinkSnap.Core.Capture.Fetching;

/// <summary>
/// The head of a request Chromium sends to its HTTP proxy: <c>CONNECT host:port</c> for a tunnel
/// (HTTPS, WebSockets), or a plain HTTP request with an absolute URL, which the proxy forwards in
/// origin form.
/// </summary>
internal sealed record ProxyRequest(string Method, Uri Target, string OriginTarget, string Version, string[] HeaderLines)
{
    /// <summary>Headers about the connection to the proxy, not for the origin (the proxy sends its own Connection: close).</summary>
    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authorization",
    };

    public bool IsTunnel => Method == "CONNECT";

    /// <summary>Null when the head is not a proxy request for http(s).</summary>
    public static ProxyRequest? Parse(string head)
    {
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return null;
        }

        var (method, target, version) = (parts[0], parts[1], parts[2]);
        var headers = lines.Skip(1).Where(l => l.Length > 0).ToArray();
        if (method == "CONNECT")
        {
            // The filter and the log see the tunnel as the https origin it leads to.
            return Uri.TryCreate("https://" + target + "/", UriKind.Absolute, out var tunnel) && tunnel.Authority.Length > 0
                ? new ProxyRequest(method, tunnel, "", version, headers)
                : null;
        }

        if (!target.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || !Uri.TryCreate(target, UriKind.Absolute, out var url))
        {
            return null;
        }

        // The path as Chromium wrote it: Uri would re-escape it.
        var pathStart = target.IndexOfAny(['/', '?'], "http://".Length);
        var origin = pathStart < 0 ? "/" : target[pathStart] == '?' ? "/" + target[pathStart..] : target[pathStart..];
        return new ProxyRequest(method, url, origin, version, headers);
    }

    /// <summary>The request as the origin server gets it: origin form, hop-by-hop headers dropped, one request only.</summary>
    public string OriginHead()
    {
        var head = new StringBuilder($"{Method} {OriginTarget} {Version}\r\n");
        AppendHeaders(head, HeaderLines);
        return head.ToString();
    }

    /// <summary>A response head with its connection headers replaced by <c>Connection: close</c>.</summary>
    public static string WithConnectionClose(string responseHead)
    {
        var lines = responseHead.Split("\r\n");
        var head = new StringBuilder(lines[0]).Append("\r\n");
        AppendHeaders(head, lines.Skip(1).Where(l => l.Length > 0));
        return head.ToString();
    }

    private static void AppendHeaders(StringBuilder head, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && HopByHopHeaders.Contains(line[..colon].Trim()))
            {
                continue;
            }

            head.Append(line).Append("\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
    }
}
