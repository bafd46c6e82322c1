using System.Text.Json;
using System.Text.Json.Serialization;
using LinkSnap.Api;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Capture.Quality;
using LinkSnap.Core.Storage;

namespace LinkSnap.Native;

// The protocol's requests and replies as types (docs/protocol.md; the field rules are in
// extension/shared/protocol.json, which the relay checks before a message reaches the daemon).
// Ids arrive as a string or a number ("id" in protocol.json), so they are read as text and parsed
// by the same rule as the API's path ids (ApiErrors.ParseId).

internal sealed record CaptureRequest(string Url, IReadOnlyList<string>? Tags, bool? UseDefaultTags, string? Note, string? Mode, string? Html);

internal sealed record SetDefaultTagsRequest(IReadOnlyList<string> Tags);

internal sealed record StatusRequest([property: JsonConverter(typeof(IdText))] string SnapshotId);

internal sealed record TagsRequest(string? Prefix, int? Limit);

internal sealed record OpenLibraryRequest([property: JsonConverter(typeof(IdText))] string? LinkId, [property: JsonConverter(typeof(IdText))] string? SnapshotId);

internal sealed record RecentRequest(int? Limit);

internal sealed record LookupUrlRequest(string Url);

internal sealed record UpdateLinkRequest(
    [property: JsonConverter(typeof(IdText))] string LinkId, IReadOnlyList<string>? Tags, string? Note,
    bool? Read, bool? Favorite, bool? Archived, bool? Private, string? Watch);

internal sealed record PingReply(int Protocol, string Version, string DataDirectory, string LibraryUrl, QueueCountsDto Queue);

internal sealed record CaptureReply(long LinkId, long SnapshotId, SnapshotStatus Status);

internal sealed record StatusReply(
    long SnapshotId, long LinkId, string? Url, string? Title, SnapshotStatus Status, CaptureStage? Stage, string? Reason,
    IReadOnlyList<QualityFlag>? Quality, string LibraryUrl);

internal sealed record TagsReply(IReadOnlyList<TagCount> Tags);

internal sealed record DefaultTagsReply(IReadOnlyList<string> Tags);

internal sealed record OpenLibraryReply(string Url, string PageUrl);

internal sealed record RecentReply(IReadOnlyList<SnapshotDto> Items);

/// <summary>
/// A saved link as the popup edits it (lookup-url when saved, update-link). A URL not saved is answered
/// with the API's own <see cref="LookupDto"/>, as GET /api/lookup.
/// </summary>
internal sealed record SavedLinkReply(
    long LinkId, string Title, int SnapshotCount, DateTimeOffset? LastSavedAt, IReadOnlyList<string> Tags, string Note,
    LinkStates States, LinkWatchReply Watch, IReadOnlyList<QualityFlag>? Quality, CaptureMode? LatestMode)
{
    [JsonPropertyOrder(-1)]
    public bool Saved => true;
}

/// <summary>The link's schedule; Tag names the watched tag it comes from, null for the link's own watch.</summary>
internal sealed record LinkWatchReply(string Every, string? Tag);

/// <summary>An id given as a JSON string or number, kept as its text.</summary>
internal sealed class IdText : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new JsonException("an id must be a string or a number"),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
