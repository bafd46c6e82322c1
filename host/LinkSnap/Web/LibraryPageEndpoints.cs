namespace LinkSnap.Web;

/// <summary>Login, the page's client-side routes (all serve index.html) and its static assets.</summary>
internal static class LibraryPageEndpoints
{
    /// <summary>Paths the page handles itself; each is a bookmarkable view.</summary>
    private static readonly string[] PageRoutes = ["/", "/tags", "/queue", "/import", "/links/{id}"];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/login", LoginAsync);
        foreach (var route in PageRoutes)
        {
            routes.MapGet(route, (HttpContext context, LibraryAssets assets) => WriteAssetAsync(context, assets, "/index.html"));
        }

        routes.MapGet("/assets/{**path}", (HttpContext context, LibraryAssets assets, string path) =>
            WriteAssetAsync(context, assets, "/assets/" + path));
        routes.MapGet("/favicon.svg", (HttpContext context, LibraryAssets assets) => WriteAssetAsync(context, assets, "/favicon.svg"));
    }

    private static async Task LoginAsync(HttpContext context, LibrarySession session)
    {
        if (!session.IsValidToken(context.Request.Query["token"].ToString()))
        {
            await WebResponses.SignInPageAsync(context);
            return;
        }

        // Host-only (no Domain): the cookie belongs to the library's own name, no other loopback service.
        context.Response.Cookies.Append(LibrarySession.CookieName, session.Start(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            MaxAge = session.Lifetime,
            IsEssential = true,
        });
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Redirect("/");
    }

    private static async Task WriteAssetAsync(HttpContext context, LibraryAssets assets, string path)
    {
        if (!await assets.TryWriteAsync(context, path))
        {
            await WebResponses.TextAsync(context, StatusCodes.Status404NotFound, "Not found.");
        }
    }
}
