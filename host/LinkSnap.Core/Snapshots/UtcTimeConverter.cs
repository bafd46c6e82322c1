using System.Text.Json;
using System.Text.Json.Serialization;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Snapshots;

/// <summary>Writes times as ISO-8601 UTC with a "Z" (what the API contract promises); reads any ISO-8601 time.</summary>
public sealed class UtcTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StorageText.ParseTime(reader.GetString() ?? throw new JsonException("a time is expected"));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(StorageText.Time(value));
}
