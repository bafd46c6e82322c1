using System.Text.Json.Serialization;

namespace LinkSnap.Core.Archive;

/// <summary>A line of pages/pages.jsonl: a page of the archive with its title and text (replay tools search it).</summary>
public sealed record WaczPage
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("url")] public required string Url { get; init; }
    [JsonPropertyName("ts")] public required string Ts { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }

    public static string FormatTs(DateTimeOffset date) => WarcWriter.FormatDate(date);
}
