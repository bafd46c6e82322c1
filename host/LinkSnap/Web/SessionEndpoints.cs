using LinkSnap.Daemon;

namespace LinkSnap.Web;

/// <summary>POST /api/session/logout (the library's "Sign out") and POST /api/token/rotate (socket only).</summary>
internal static class SessionEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/session/logout", (HttpContext context, LibrarySession session) =>
        {
            session.End(context.Request.Cookies[LibrarySession.CookieName]);
            context.Response.Cookies.Delete(LibrarySession.CookieName, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict });
            return Results.NoContent();
        });

        routes.MapPost("/api/token/rotate", (HttpContext context, LibrarySession session, DaemonState state) =>
        {
            // Only the owning user's tools may replace the secret; a library tab signs out instead.
            if (!RequestOrigin.IsUnixSocket(context))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Socket only",
                    detail: "The token is rotated with `linksnap token --rotate`.");
            }

            session.RotateToken();
            state.LoginUrl = session.LoginUrl;
            return Results.Ok(new TokenRotatedDto(session.LoginUrl));
        });
    }
}

/// <summary>Answer of POST /api/token/rotate: the new login link (the old one and every session have ended).</summary>
public sealed record TokenRotatedDto(string LoginUrl);
