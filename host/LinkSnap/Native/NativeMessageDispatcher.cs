using System.Text.Json.Nodes;
using LinkSnap.Daemon;

namespace LinkSnap.Native;

/// <summary>One method per protocol message: maps it to the API call(s) and shapes the result (docs/protocol.md).</summary>
internal sealed class NativeMessageDispatcher(NativeApiClient api, DaemonState state, NativeLinkMessages links)
{
    public Task<JsonObject> DispatchAsync(string type, JsonObject message, CancellationToken cancellationToken) => type switch
    {
        "ping" => PingAsync(cancellationToken),
        "capture" => CaptureAsync(message, cancellationToken),
        "status" => StatusAsync(message, cancellationToken),
        "lookup-url" => Task.FromResult(links.Lookup(message)),
        "update-link" => Task.FromResult(links.Update(message)),
        "tags" => TagsAsync(message, cancellationToken),
        "open-library" => OpenLibraryAsync(message, cancellationToken),
        "recent" => RecentAsync(message, cancellationToken),
        _ => throw new NativeException("unknown-type", $"unknown message type \"{type}\""),
    };

    private async Task<JsonObject> PingAsync(CancellationToken cancellationToken)
    {
        var status = await api.GetAsync("api/status", "no status", cancellationToken);
        return new JsonObject
        {
            ["protocol"] = NativeProtocol.Version,
            ["version"] = status["version"]?.DeepClone(),
            ["dataDirectory"] = status["dataDirectory"]?.DeepClone(),
            ["libraryUrl"] = state.LibraryUrl,
            ["queue"] = status["queue"]?.DeepClone(),
        };
    }

    private async Task<JsonObject> CaptureAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var mode = message["mode"]?.GetValue<string>() ?? "fresh";
        if (mode == "as-seen" && message["html"] is null)
        {
            throw new NativeException("bad-message", "an as-seen capture needs the page's html");
        }

        var body = new JsonObject { ["url"] = message["url"]!.DeepClone(), ["mode"] = mode };
        foreach (var name in new[] { "tags", "note", "html" })
        {
            if (message[name] is { } value)
            {
                body[name] = value.DeepClone();
            }
        }

        var queued = await api.PostAsync("api/captures", body, "invalid-url", cancellationToken);
        return new JsonObject
        {
            ["linkId"] = queued["linkId"]?.DeepClone(),
            ["snapshotId"] = queued["snapshotId"]?.DeepClone(),
            ["status"] = queued["status"]?.DeepClone() ?? "queued",
        };
    }

    private async Task<JsonObject> StatusAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var id = Id(message["snapshotId"]);
        var snapshot = await api.GetAsync($"api/snapshots/{Uri.EscapeDataString(id)}", $"there is no snapshot {id} (it may have been deleted)", cancellationToken);
        var linkId = snapshot["linkId"]?.ToString();
        return new JsonObject
        {
            ["snapshotId"] = snapshot["id"]?.DeepClone() ?? id,
            ["linkId"] = snapshot["linkId"]?.DeepClone(),
            ["url"] = snapshot["url"]?.DeepClone(),
            ["title"] = snapshot["metadata"]?["title"]?.DeepClone(),
            ["status"] = snapshot["status"]?.DeepClone(),
            ["stage"] = snapshot["stage"]?.DeepClone(),
            ["reason"] = snapshot["reason"]?.DeepClone(),
            // The quality guard's flags ({kind, reason, action}), for the popup's "needs attention" and "save as you see it".
            ["quality"] = snapshot["metadata"]?["quality"]?["flags"]?.DeepClone(),
            ["libraryUrl"] = linkId is null ? null : Combine(state.LibraryUrl, "links/" + Uri.EscapeDataString(linkId)),
        };
    }

    private async Task<JsonObject> TagsAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var prefix = message["prefix"]?.GetValue<string>() ?? "";
        var limit = message["limit"]?.GetValue<int>() ?? 200;
        var all = await api.GetAsync("api/tags", "no tags", cancellationToken) as JsonArray ?? [];
        var tags = all.OfType<JsonObject>()
            .Where(t => (t["name"]?.GetValue<string>() ?? "").StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(t => t["count"]?.GetValue<int>() ?? 0)
            .ThenBy(t => t["name"]?.GetValue<string>(), StringComparer.OrdinalIgnoreCase)
            .Take(limit)
            .Select(t => (JsonNode)new JsonObject { ["name"] = t["name"]!.DeepClone(), ["count"] = t["count"]?.DeepClone() ?? 0 });
        return new JsonObject { ["tags"] = new JsonArray([.. tags]) };
    }

    private async Task<JsonObject> OpenLibraryAsync(JsonObject message, CancellationToken cancellationToken)
    {
        string? linkId = message["linkId"] is { } l ? Id(l) : null;
        if (linkId is null && message["snapshotId"] is { } s)
        {
            var snapshot = await api.GetAsync($"api/snapshots/{Uri.EscapeDataString(Id(s))}", $"there is no snapshot {Id(s)}", cancellationToken);
            linkId = snapshot["linkId"]?.ToString();
        }

        var libraryUrl = state.LibraryUrl;
        return new JsonObject
        {
            // The login link sets the session cookie; the extension then shows pageUrl in the same tab.
            ["url"] = state.LoginUrl ?? libraryUrl,
            ["pageUrl"] = linkId is null ? libraryUrl : Combine(libraryUrl, "links/" + Uri.EscapeDataString(linkId)),
        };
    }

    private async Task<JsonObject> RecentAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var limit = message["limit"]?.GetValue<int>() ?? 20;
        var jobs = await api.GetAsync($"api/jobs?limit={limit}", "no jobs", cancellationToken);
        return new JsonObject { ["items"] = jobs["items"]?.DeepClone() ?? new JsonArray() };
    }

    private static string Combine(string libraryUrl, string page) => libraryUrl.TrimEnd('/') + "/" + page;

    private static string Id(JsonNode? node) => node?.ToString() ?? throw new NativeException("bad-message", "an id is required");
}
