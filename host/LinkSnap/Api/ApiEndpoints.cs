namespace LinkSnap.Api;

/// <summary>The JSON API under /api, shared by the library page, the CLI and the relay.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapLinkSnapApi(this IEndpointRouteBuilder routes)
    {
        return routes;
    }
}
