using System.Text.Json;
using LinkSnap.Shared;

namespace LinkSnap.Relay;

/// <summary>
/// Accepts only LinkSnap extensions. Chromium passes "chrome-extension://ID/" as argv[1]; Firefox passes
/// the host manifest's path and then the add-on id. The browser already enforces the manifest's
/// allowed origins; this second check stops anything else that launches the relay by hand.
/// </summary>
internal sealed class OriginGuard
{
    private readonly HashSet<string> _allowed;

    public OriginGuard(IEnumerable<string> allowedOrigins)
    {
        _allowed = new HashSet<string>(allowedOrigins.Select(Normalize), StringComparer.Ordinal);
    }

    public static OriginGuard Create(LinkSnapPaths paths, RelayLog log)
    {
        var origins = new List<string> { "chrome-extension://" + NativeProtocol.ChromiumExtensionId + "/", NativeProtocol.FirefoxExtensionId };
        try
        {
            // Written by `linksnap install --extension-id ...` for store-published IDs.
            if (File.Exists(paths.AllowedOriginsPath))
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(paths.AllowedOriginsPath));
                origins.AddRange(doc.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            }
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException or UnauthorizedAccessException)
        {
            log.Write($"ignoring unreadable {paths.AllowedOriginsPath}: {ex.Message}");
        }

        return new OriginGuard(origins);
    }

    /// <summary>The caller's origin from the process arguments, or null when there is none.</summary>
    public static string? CallerOrigin(string[] args)
    {
        var chromium = args.FirstOrDefault(a => a.StartsWith("chrome-extension://", StringComparison.Ordinal));
        if (chromium is not null)
        {
            return chromium;
        }

        // Firefox: [manifest path, add-on id].
        return args.Length >= 2 ? args[1] : null;
    }

    public bool IsAllowed(string? origin) => origin is not null && _allowed.Contains(Normalize(origin));

    private static string Normalize(string origin) =>
        origin.StartsWith("chrome-extension://", StringComparison.Ordinal) && !origin.EndsWith('/') ? origin + "/" : origin;
}
