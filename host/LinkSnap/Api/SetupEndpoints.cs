using LinkSnap.Install;

namespace LinkSnap.Api;

/// <summary>GET /api/setup: what the library's first-run panel needs to give this machine's steps.</summary>
public static class SetupEndpoints
{
    public static void MapSetupEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/setup", () => new SetupDto(ExtensionFolder.Find()));
}

/// <summary>ExtensionFolder: the unpacked extension to load in the browser, or null when this installation has none.</summary>
public sealed record SetupDto(string? ExtensionFolder);
