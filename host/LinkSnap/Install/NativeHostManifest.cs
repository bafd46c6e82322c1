using System.Text.Json;
using System.Text.Json.Nodes;
using LinkSnap.Shared;

namespace LinkSnap.Install;

/// <summary>
/// The native messaging host manifest (com.linksnap.relay.json). Chromium-family browsers list
/// "chrome-extension://ID/" origins; Firefox lists add-on ids under allowed_extensions.
/// </summary>
public static class NativeHostManifest
{
    /// <summary>"hostName" in extension/shared/protocol.json (generated into LinkSnap.Shared).</summary>
    public const string HostName = NativeProtocol.HostName;

    /// <summary>The unpacked extension's ID (from the manifest's fixed key) and the Firefox add-on id, from protocol.json.</summary>
    public const string ChromiumExtensionId = NativeProtocol.ChromiumExtensionId;

    public const string FirefoxExtensionId = NativeProtocol.FirefoxExtensionId;

    public static string FileName => HostName + ".json";

    public static JsonObject Build(string relayPath, bool firefox, IEnumerable<string> extraIds)
    {
        var extra = extraIds.ToList();
        var manifest = new JsonObject
        {
            ["name"] = HostName,
            ["description"] = "LinkSnap native messaging relay",
            ["path"] = relayPath,
            ["type"] = "stdio",
        };
        if (firefox)
        {
            var ids = new[] { FirefoxExtensionId }.Concat(extra.Where(IsFirefoxId)).Distinct();
            manifest["allowed_extensions"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]);
        }
        else
        {
            var origins = new[] { ChromiumExtensionId }.Concat(extra.Where(id => !IsFirefoxId(id))).Distinct()
                .Select(id => "chrome-extension://" + id + "/");
            manifest["allowed_origins"] = new JsonArray([.. origins.Select(o => (JsonNode)o)]);
        }

        return manifest;
    }

    public static string ToJson(JsonObject manifest) => manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Chromium IDs are 32 letters a-p; Firefox ids look like an e-mail address or a {GUID}.</summary>
    public static bool IsFirefoxId(string id) => id.Contains('@') || id.StartsWith('{');

    public static bool IsValidExtensionId(string id) =>
        IsFirefoxId(id) ? id.Length <= 200 : id.Length == 32 && id.All(c => c is >= 'a' and <= 'p');
}
