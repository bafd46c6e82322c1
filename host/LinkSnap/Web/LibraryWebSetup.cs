using LinkSnap.Shared;
using LinkSnap.Daemon;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LinkSnap.Web;

/// <summary>The library page, its session/Host/Origin checks and the sandboxed snapshot origin.</summary>
public static class LibraryWebSetup
{
    public static IServiceCollection AddLibraryWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LibraryOptions>()
            .Bind(configuration.GetSection(LibraryOptions.SectionName))
            .Validate(o => { o.Validate(); return true; })
            .ValidateOnStart();
        services.TryAddSingleton(_ => LinkSnapPaths.FromEnvironment());
        services.AddSingleton<SnapshotFiles>();
        services.AddSingleton(sp => LibraryToken.LoadOrCreate(sp.GetRequiredService<LinkSnapPaths>()));
        services.AddSingleton(sp => LibraryHostName.LoadOrCreate(sp.GetRequiredService<LinkSnapPaths>()));
        services.AddSingleton<LibrarySessions>();
        services.AddSingleton<LibraryListeners>();
        services.AddSingleton<LibrarySession>();
        services.AddSingleton<SnapshotOrigin>();
        services.AddSingleton<ReaderPage>();
        services.AddSingleton<LibraryAssets>();
        services.AddOptions<KestrelServerOptions>()
            .Configure<LibraryListeners, IOptions<LibraryOptions>>((kestrel, listeners, options) =>
                listeners.ListenForSnapshots(kestrel, options.Value.SnapshotPort));
        return services;
    }

    public static IApplicationBuilder UseLibraryWebSecurity(this IApplicationBuilder app)
    {
        var lifetime = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>();
        // Registered after the daemon's own start-up callback, so it runs first (LIFO) and the daemon
        // prints and hands out the login link.
        lifetime.ApplicationStarted.Register(() =>
        {
            var session = app.ApplicationServices.GetRequiredService<LibrarySession>();
            if (app.ApplicationServices.GetService<DaemonState>() is { } state)
            {
                state.LoginUrl = session.LoginUrl;
                state.LibraryUrl = session.LibraryUrl;
                state.SnapshotPort = session.SnapshotPort;
            }

            app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("LinkSnap.Web")
                .LogDebug("Library on {LibraryUrl}, snapshots on port {SnapshotPort}", session.LibraryUrl, session.SnapshotPort);
        });
        return app.UseMiddleware<LibrarySecurityMiddleware>();
    }

    public static IEndpointRouteBuilder MapLibraryWeb(this IEndpointRouteBuilder routes)
    {
        LibraryPageEndpoints.Map(routes);
        SnapshotSandboxEndpoint.Map(routes);
        SessionEndpoints.Map(routes);
        return routes;
    }
}
