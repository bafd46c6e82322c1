using LinkSnap.Api;
using LinkSnap.Native;
using LinkSnap.Web;

namespace LinkSnap.Daemon;

/// <summary>
/// Builds and runs the daemon: one process owning the database, the files, the warm
/// Chromium and the job queue, serving the API on loopback TCP and on the per-user socket.
/// Tests build it in-process through <see cref="Build"/>.
/// </summary>
public static class DaemonHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);

        // Each feature registers its own services and routes.
        builder.Services.AddLibraryWeb(builder.Configuration);
        builder.Services.AddNativeMessaging();

        var app = builder.Build();
        app.UseLibraryWebSecurity();
        app.MapLinkSnapApi();
        app.MapLibraryWeb();
        app.MapNativeMessaging();
        return app;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        await using var app = Build(args);
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
