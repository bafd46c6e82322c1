using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LinkSnap.Core.Archive;

/// <summary>One line of a WACZ's CDXJ index: "SURT TIMESTAMP {json}", in the fields warcio writes.</summary>
public sealed record CdxjEntry
{
    [JsonPropertyName("url")] public required string Url { get; init; }
    [JsonPropertyName("mime")] public string? Mime { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("digest")] public string? Digest { get; init; }
    [JsonPropertyName("length")] public required string Length { get; init; }
    [JsonPropertyName("offset")] public required string Offset { get; init; }
    [JsonPropertyName("filename")] public string Filename { get; init; } = WarcWriter.FileName;

    [JsonIgnore] public DateTimeOffset Date { get; init; }

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static CdxjEntry For(string url, DateTimeOffset date, string? mime, int? status, string? digest, WarcLocation location) => new()
    {
        Url = url,
        Date = date,
        Mime = mime,
        Status = status?.ToString(CultureInfo.InvariantCulture),
        Digest = digest?.Split(':', 2)[^1],
        Offset = location.Offset.ToString(CultureInfo.InvariantCulture),
        Length = location.Length.ToString(CultureInfo.InvariantCulture),
    };

    public string Key => Surt.Of(Url);

    public string Timestamp => Date.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public override string ToString() => $"{Key} {Timestamp} {JsonSerializer.Serialize(this, Json)}";

    public static CdxjEntry Parse(string line)
    {
        var parts = line.Split(' ', 3);
        if (parts.Length < 3)
        {
            throw new FormatException($"not a CDXJ line: {line}");
        }

        var entry = JsonSerializer.Deserialize<CdxjEntry>(parts[2], Json) ?? throw new FormatException($"not a CDXJ line: {line}");
        return entry with { Date = DateTimeOffset.ParseExact(parts[1], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) };
    }

    /// <summary>Sorted by key then time, as replay tools binary-search it.</summary>
    public static IEnumerable<string> Lines(IEnumerable<CdxjEntry> entries) =>
        entries.Select(e => e.ToString()).Order(StringComparer.Ordinal);
}
