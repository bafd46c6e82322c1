using System.Reflection;
using LinkSnap.Shared;
using LinkSnap.Daemon;
using LinkSnap.Library;

namespace LinkSnap.Api;

/// <summary>GET /api/status and POST /api/reindex.</summary>
public static class StatusEndpoints
{
    public static readonly string Version =
        typeof(StatusEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static void MapStatusEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/status", (HttpContext context, LinkSnapService service, DaemonState state, LinkSnapPaths paths) =>
        {
            var (queued, running) = service.QueueCounts();

            // The login URL carries the library secret: only callers on the per-user socket get it.
            var onSocket = DaemonConnection.IsUnixSocket(context);
            var libraryUrl = onSocket && state.LoginUrl is not null ? state.LoginUrl : state.LibraryUrl;
            return new StatusDto(Version, Environment.ProcessId, paths.DataDirectory, libraryUrl, state.Port, state.SnapshotPort, state.SocketPath, new QueueCountsDto(queued, running));
        });

        api.MapPost("/reindex", (LinkSnapService service) => service.Reindex());
    }
}
