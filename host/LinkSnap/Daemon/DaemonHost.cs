using System.Net;
using LinkSnap.Api;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Paths;
using LinkSnap.Shared;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Versions;
using LinkSnap.Jobs;
using LinkSnap.Library;
using LinkSnap.Native;
using LinkSnap.Watch;
using LinkSnap.Web;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LinkSnap.Daemon;

/// <summary>
/// Builds and runs the daemon: one process owning the database, the files, the warm
/// Chromium and the job queue, serving the API on loopback TCP and on the per-user socket.
/// Tests build it in-process through <see cref="Build"/> (e.g. args "--Daemon:DataDirectory=/tmp/x",
/// "--Daemon:Port=0", "--Capture:AllowPrivateTargets=true") and may replace services.
/// </summary>
public static class DaemonHost
{
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

        // appsettings.json < LINKSNAP_* environment variables < command line.
        builder.Configuration.AddEnvironmentVariables("LINKSNAP_");
        builder.Configuration.AddCommandLine(args);
        var renamedSettings = RenamedSettings.Apply(builder.Configuration);

        var options = builder.Configuration.GetSection(DaemonOptions.Section).Get<DaemonOptions>() ?? new DaemonOptions();
        options.Validate();
        var paths = new LinkSnapPaths(string.IsNullOrWhiteSpace(options.DataDirectory) ? LinkSnapPaths.ResolveDataDirectory() : options.DataDirectory);
        paths.EnsureCreated();
        var instanceLock = DaemonInstanceLock.Acquire(paths);
        try
        {
            return BuildLocked(builder, options, paths, renamedSettings, instanceLock, configureServices);
        }
        catch
        {
            instanceLock.Dispose();
            throw;
        }
    }

    /// <summary>The rest of <see cref="Build"/>, once this process holds the data directory's daemon lock (released when the app stops).</summary>
    private static WebApplication BuildLocked(
        WebApplicationBuilder builder, DaemonOptions options, LinkSnapPaths paths, IReadOnlyList<string> renamedSettings,
        DaemonInstanceLock instanceLock, Action<IServiceCollection>? configureServices)
    {
        File.Delete(paths.StoppedMarkerPath); // started again, however: the relay may start it from now on (decision 068)
        DataPermissions.Tighten(paths, wholeTree: false);
        DaemonSocket.Prepare(paths.SocketPath);

        var state = new DaemonState { SocketPath = paths.SocketPath };
        ListenOptions? tcp = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => tcp = listen);
            kestrel.ListenUnixSocket(paths.SocketPath);
            kestrel.Limits.MaxRequestBodySize = Limits.MaxRequestBytes; // an as-seen page arrives as one JSON body (one frame from the relay)
        });

        var services = builder.Services;
        services.Configure<DaemonOptions>(builder.Configuration.GetSection(DaemonOptions.Section));
        services.PostConfigure<DaemonOptions>(o => o.DataDirectory = paths.DataDirectory);
        services.ConfigureHttpJsonOptions(json => SnapshotJson.Apply(json.SerializerOptions));
        services.AddProblemDetails();
        services.AddSingleton(paths);
        services.AddSingleton(state);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ =>
        {
            var database = new LinkSnapDatabase(paths.DatabasePath, options.DatabaseBusyTimeout);
            database.Migrate();
            return database;
        });
        services.AddSingleton<LinkStore>();
        services.AddSingleton(sp => sp.GetRequiredService<LinkStore>().Health); // the health endpoints' store
        services.AddSingleton<SnapshotFolders>();
        services.AddSingleton<SnapshotWriter>();
        services.AddSingleton<ImportedVersions>();
        services.AddSingleton<LinkSnap.Core.Archive.WaczImporter>();
        services.AddSingleton<LinkJournal>();
        services.AddSingleton<Core.Health.HealthJournal>();
        services.AddSingleton<Reindexer>();
        services.AddSingleton<JobEvents>();
        services.Configure<BackgroundOptions>(builder.Configuration.GetSection(BackgroundOptions.Section));
        services.AddSingleton<HostPoliteness>();
        services.AddSingleton<CaptureJobRunner>();
        services.AddSingleton<CaptureQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<CaptureQueue>());
        services.AddSingleton<LinkSnapService>();
        services.AddSingleton<VersionComparer>();
        services.AddSingleton<LinkSnap.Core.Export.LibraryExporter>();
        services.AddSingleton<Imports.ImportRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<Imports.ImportRunner>());
        services.AddSingleton<Imports.ImportService>();
        services.AddSingleton<Imports.WaczPreview>();
        services.AddSingleton<Api.CaptureList>();
        services.AddCaptureEngine(builder.Configuration);
        Health.HealthServiceCollectionExtensions.AddLinkHealth(services, builder.Configuration);

        // Each feature registers its own services and routes.
        services.AddLibraryWeb(builder.Configuration);
        services.AddNativeMessaging();
        services.AddWatching(builder.Configuration);
        services.AddSingleton<Core.Reading.ReadingProgressJournal>();
        services.AddSingleton<Core.Reading.ReadingProgressStore>();
        configureServices?.Invoke(services);
        services.AddSingleton(_ => instanceLock); // made by a factory, so disposing an app that never ran releases it too

        var app = builder.Build();
        app.Services.GetRequiredService<DaemonInstanceLock>();
        var configurationLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LinkSnap.Configuration");
        foreach (var warning in renamedSettings)
        {
            configurationLog.LogWarning("{Warning}", warning);
        }

        app.Services.GetRequiredService<LinkSnapDatabase>(); // migrate before serving
        app.Services.GetRequiredService<LinkJournal>().EnsureSeeded(app.Services.GetRequiredService<LinkStore>());
        app.Services.GetRequiredService<Core.Health.HealthJournal>().EnsureSeeded(app.Services.GetRequiredService<LinkSnapDatabase>());
        LibrarySettingsFile.EnsureSeeded(app.Services.GetRequiredService<LinkSnapDatabase>());
        // Registered before the features' own callbacks: these run in reverse order, so the library
        // has filled in DaemonState.LoginUrl by the time OnStarted prints and writes daemon.json.
        app.Lifetime.ApplicationStarted.Register(() => OnStarted(app, state, tcp!, paths));
        app.Lifetime.ApplicationStopped.Register(instanceLock.Dispose); // callbacks run in reverse: released after OnStopped
        app.Lifetime.ApplicationStopped.Register(() => OnStopped(paths));

        app.UseLibraryWebSecurity();
        app.MapLinkSnapApi();
        app.MapLibraryWeb();
        app.MapNativeMessaging();
        return app;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        // Before anything is created, so the database, the files and the socket Kestrel binds are born 0600/0700.
        DataPermissions.RestrictNewFiles();
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (Exception e) when (e is InvalidOperationException or OptionsValidationException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"linksnap serve: {e.Message}");
            return 1;
        }

        await using (app)
        {
            try
            {
                await app.RunAsync(cancellationToken);
            }
            catch (OptionsValidationException e)
            {
                Console.Error.WriteLine($"linksnap serve: invalid configuration: {string.Join("; ", e.Failures)}");
                return 1;
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"linksnap serve: the port is already in use ({e.Message}). Choose another with LINKSNAP_Daemon__Port=PORT or --Daemon:Port=PORT (0 = any free port).");
                return 1;
            }
        }

        return 0;
    }

    private static void OnStarted(WebApplication app, DaemonState state, ListenOptions tcp, LinkSnapPaths paths)
    {
        state.Port = tcp.IPEndPoint!.Port;
        state.StartedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        DaemonSocket.Restrict(paths.SocketPath);
        new DaemonInfo(Environment.ProcessId, state.Port, state.LibraryUrl, paths.SocketPath, state.StartedAt).Write(paths.DaemonInfoPath);
        Console.WriteLine($"LinkSnap daemon {StatusEndpoints.Version} (pid {Environment.ProcessId})");
        Console.WriteLine($"  library: {state.LoginUrl ?? state.LibraryUrl}");
        Console.WriteLine($"  data:    {paths.DataDirectory}");
        Console.WriteLine($"  socket:  {paths.SocketPath}");
    }

    private static void OnStopped(LinkSnapPaths paths)
    {
        DaemonInfo.RemoveIfOwn(paths.DaemonInfoPath);
        if (File.Exists(paths.SocketPath) && !DaemonSocket.IsAlive(paths.SocketPath))
        {
            File.Delete(paths.SocketPath);
        }
    }
}
