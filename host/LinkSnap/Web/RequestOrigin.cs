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

    /// <summary>
    /// The Host header is exactly the library's own name and the port the request arrived on: no IP,
    /// no plain "localhost" (a cookie set there would reach every loopback service), no rebound name.
    /// </summary>
    public static bool HasLibraryHost(HttpContext context, string libraryHost)
    {
        var host = context.Request.Host;
        return host.HasValue && host.Port == context.Connection.LocalPort
            && string.Equals(host.Host, libraryHost, StringComparison.OrdinalIgnoreCase);
    }

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

    /// <summary>
    /// The body is JSON (application/json or a +json type), or one of the types the endpoint declares
    /// with .Accepts(...). Never text/plain, a form or no type: those a page on any site can send
    /// without a CORS preflight, so requiring JSON adds a second barrier behind the Origin check.
    /// </summary>
    public static bool HasAcceptedContentType(HttpContext context)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type))
        {
            return false;
        }

        var media = type.MediaType.Value ?? "";
        if (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var declared = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes ?? [];
        return !IsCorsSafelisted(media) && declared.Contains(media, StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsCorsSafelisted(string media) =>
        media.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
        || media.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        || media.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

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
