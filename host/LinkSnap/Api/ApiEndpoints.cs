using LinkSnap.Watch;

namespace LinkSnap.Api;

/// <summary>The JSON API under /api, shared by the library page, the CLI and the relay (see docs/api.md).</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapLinkSnapApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").AddEndpointFilter<ApiErrors>();
        api.MapCaptureEndpoints();
        api.MapLinkEndpoints();
        api.MapSnapshotEndpoints();
        api.MapVersionEndpoints();
        api.MapTagEndpoints();
        api.MapStatusEndpoints();
        api.MapSetupEndpoints();
        api.MapEventEndpoints();
        api.MapExportEndpoints();
        api.MapImportEndpoints();
        api.MapWaczImportEndpoints();
        api.MapWatchEndpoints();
        Reading.ReadingEndpoints.MapReadingEndpoints(api);
        Health.HealthEndpoints.MapHealthEndpoints(api);
        return routes;
    }
}
