using Microsoft.Extensions.Primitives;

namespace LinkSnap.Web;

/// <summary>
/// Guards every TCP request: the snapshot origin only serves snapshot files; the library origin checks
/// the Host header (its own name, see <see cref="LibraryHostName"/>; also stops DNS rebinding), the
/// session (cookie or bearer token), for state-changing requests made with the cookie the Origin, and
/// for state-changing API requests a JSON content type. Unix-socket requests are trusted (socket mode 0600).
/// </summary>
internal sealed class LibrarySecurityMiddleware(
    RequestDelegate next,
    LibrarySession session,
    LibraryListeners listeners,
    SnapshotOrigin snapshotOrigin)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (RequestOrigin.IsUnixSocket(context))
        {
            await next(context);
            return;
        }

        if (listeners.IsSnapshotPort(context.Connection.LocalPort))
        {
            await snapshotOrigin.HandleAsync(context);
            return;
        }

        if (!RequestOrigin.HasLibraryHost(context, session.LibraryHost))
        {
            // The answer does not name the library's host: that name keeps other loopback services from its cookie.
            await WebResponses.ProblemAsync(context, StatusCodes.Status421MisdirectedRequest, "server.wrongHost");
            return;
        }

        var isApi = context.Request.Path.StartsWithSegments("/api");
        AddHeaders(context, isApi);
        if (context.Request.Path.Equals("/login", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var byCookie = session.IsValidCookie(context.Request.Cookies[LibrarySession.CookieName]);
        var byBearer = !byCookie && session.IsValidToken(BearerToken(context.Request.Headers.Authorization));
        if (!byCookie && !byBearer)
        {
            if (isApi)
            {
                await WebResponses.ProblemAsync(context, StatusCodes.Status401Unauthorized, "server.signedOut");
            }
            else
            {
                await WebResponses.SignInPageAsync(context);
            }

            return;
        }

        if (byCookie && RequestOrigin.IsStateChanging(context.Request.Method) && !RequestOrigin.IsSameOrigin(context))
        {
            await WebResponses.ProblemAsync(context, StatusCodes.Status403Forbidden, "server.crossOrigin");
            return;
        }

        if (isApi && RequestOrigin.IsStateChanging(context.Request.Method) && !RequestOrigin.HasAcceptedContentType(context))
        {
            await WebResponses.ProblemAsync(context, StatusCodes.Status415UnsupportedMediaType, "server.jsonRequired");
            return;
        }

        await next(context);
    }

    private void AddHeaders(HttpContext context, bool isApi)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (isApi && IsSnapshotFile(context.Request.Path))
        {
            // Artifact files are hostile content: even on the library origin they must not run script.
            headers.ContentSecurityPolicy = SnapshotOrigin.ContentSecurityPolicy;
            return;
        }

        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
            $"frame-src {listeners.SnapshotOrigin}; connect-src 'self'; object-src 'none'; " +
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static bool IsSnapshotFile(PathString path)
    {
        var segments = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments.Length >= 4 && segments[0] == "api" && segments[1] == "snapshots" && segments[3] == "files";
    }

    private static string? BearerToken(StringValues authorization)
    {
        var value = authorization.ToString();
        return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : null;
    }
}
