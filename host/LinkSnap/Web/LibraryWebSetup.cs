namespace LinkSnap.Web;

/// <summary>The library page, its session/Host/Origin checks and the sandboxed snapshot origin.</summary>
public static class LibraryWebSetup
{
    public static IServiceCollection AddLibraryWeb(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static IApplicationBuilder UseLibraryWebSecurity(this IApplicationBuilder app)
    {
        return app;
    }

    public static IEndpointRouteBuilder MapLibraryWeb(this IEndpointRouteBuilder routes)
    {
        return routes;
    }
}
