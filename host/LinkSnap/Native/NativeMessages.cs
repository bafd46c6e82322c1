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

internal sealed record PingReply(int Protocol, string Version, string DataDirectory, string LibraryUrl, QueueCountsDto Queue);

internal sealed record CaptureReply(long LinkId, long SnapshotId, SnapshotStatus Status);

internal sealed record StatusReply(
    long SnapshotId, long LinkId, string? Url, string? Title, SnapshotStatus Status, CaptureStage? Stage, string? Reason,
    IReadOnlyList<QualityFlag>? Quality, string LibraryUrl);

internal sealed record TagsReply(IReadOnlyList<TagCount> Tags);

internal sealed record DefaultTagsReply(IReadOnlyList<string> Tags);

internal sealed record OpenLibraryReply(string Url, string PageUrl);

internal sealed record RecentReply(IReadOnlyList<SnapshotDto> Items);

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
