using System.Text.Json;
using System.Text.Json.Nodes;
using LinkSnap.Api;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Storage;
using LinkSnap.Library;
using LinkSnap.Watch;

namespace LinkSnap.Native;

/// <summary>
/// The popup's view of a saved link (lookup-url) and its edits (update-link). Answered by the same
/// services the API endpoints call, without an HTTP round trip (issue 12 item 1); their exceptions
/// become protocol errors by the table in <see cref="ServiceError"/>.
/// </summary>
internal sealed class NativeLinkMessages(LinkSnapService service, LinkWatchService watches)
{
    public JsonObject Lookup(JsonObject message)
    {
        var link = service.Lookup(message["url"]!.GetValue<string>());
        return link is null
            ? new JsonObject { ["saved"] = false, ["linkId"] = null, ["snapshotCount"] = 0, ["lastSavedAt"] = null, ["tags"] = new JsonArray() }
            : Describe(link);
    }

    /// <summary>Tags, note, states and watch of one link; no new version. Fields left out stay as they are.</summary>
    public JsonObject Update(JsonObject message)
    {
        var id = ApiErrors.ParseId(message["linkId"]!.ToString(), "link");
        // Parsed before anything is written, so a bad schedule changes nothing.
        SchedulePeriod? period = message["watch"] is { } every ? SchedulePeriods.Parse(every.GetValue<string>()) : null;
        var tags = message["tags"] is JsonArray list ? list.Select(t => t!.GetValue<string>()).ToList() : null;
        var states = new LinkStatesEdit(Flag(message, "read"), Flag(message, "favorite"), Flag(message, "archived"), Flag(message, "private"));
        service.UpdateLink(id, null, message["note"]?.GetValue<string>(), tags, states);
        if (period is { } p)
        {
            watches.Set(id, p);
        }

        return Describe(service.GetLink(id));
    }

    private JsonObject Describe(LinkRecord link)
    {
        var watch = watches.Get(link.Id);
        return new JsonObject
        {
            ["saved"] = true,
            ["linkId"] = link.Id,
            ["title"] = link.Title,
            ["snapshotCount"] = link.SnapshotCount,
            ["lastSavedAt"] = link.Latest?.CreatedAt,
            ["tags"] = new JsonArray([.. link.Tags.Select(t => (JsonNode)t)]),
            ["note"] = link.Note,
            ["states"] = new JsonObject { ["read"] = link.States.Read, ["favorite"] = link.States.Favorite, ["archived"] = link.States.Archived, ["private"] = link.States.Private },
            ["watch"] = new JsonObject { ["every"] = watch.Every, ["tag"] = watches.TagName(watch) },
            // The latest capture's quality flags and mode: a flagged fresh capture is offered again "as you see it" (decision 053).
            ["quality"] = link.Latest?.Metadata?.Quality is { NeedsAttention: true } quality ? JsonSerializer.SerializeToNode(quality.Flags, SnapshotJson.Options) : null,
            ["latestMode"] = link.Latest is { } latest ? JsonSerializer.SerializeToNode(latest.Mode, SnapshotJson.Options) : null,
        };
    }

    private static bool? Flag(JsonObject message, string name) => message[name]?.GetValue<bool>();
}
