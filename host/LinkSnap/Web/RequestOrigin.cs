using LinkSnap.Daemon;

namespace LinkSnap.Web;

/// <summary>Facts about where a request came in, decided from the connection, never from headers.</summary>
internal static class RequestOrigin
{
    /// <summary>
    /// True for requests on the per-user Unix socket. The socket file is 0600, so reaching it already
    /// proves the caller is the owning user (the CLI and the relay need no token).
    /// </summary>
    public static bool IsUnixSocket(HttpContext context) => DaemonConnection.IsUnixSocket(context);

    /// <summary>The Host header names loopback and the port the request actually arrived on (DNS rebinding).</summary>
    public static bool HasLoopbackHost(HttpContext context)
    {
        var host = context.Request.Host;
        if (!host.HasValue || host.Port != context.Connection.LocalPort)
        {
            return false;
        }

        return host.Host is "127.0.0.1" or "[::1]"
            || string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsStateChanging(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    /// <summary>Origin (or, when a browser omits it, Sec-Fetch-Site) shows the request comes from the library page itself.</summary>
    public static bool IsSameOrigin(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return string.Equals(origin, "http://" + context.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(context.Request.Headers["Sec-Fetch-Site"].ToString(), "same-origin", StringComparison.Ordinal);
    }
}
