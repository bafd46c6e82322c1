using System.Text.Json;

namespace LinkSnap.Core.Import.Formats;

/// <summary>
/// Karakeep (formerly Hoarder) export: {"bookmarks": [{createdAt (Unix seconds), title, tags, note,
/// archived, favourited, content: {type: "link", url, htmlContent?}}]}. Text notes and assets have no URL
/// and are listed as not importable.
/// </summary>
public sealed class KarakeepJsonFormat : IImportFormat
{
    public string Name => "Karakeep/Hoarder JSON";

    public bool Matches(ImportText file) => JsonFields.FirstHas(file.Json, "bookmarks", "content", "createdAt");

    public ParsedImport Parse(ImportText file, ImportOptions options) => new(
        Name,
        JsonFields.Items(file.Json, "bookmarks").Select((item, i) =>
        {
            var content = item.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
            return new ImportEntry
            {
                Position = $"bookmark {i + 1}",
                Url = JsonFields.Text(content, "url") ?? "",
                Title = JsonFields.Text(item, "title") ?? JsonFields.Text(content, "title"),
                Note = JsonFields.Text(item, "note"),
                Tags = JsonFields.Tags(item, "tags"),
                SavedAt = ImportDates.Parse(JsonFields.Text(item, "createdAt")),
                Archived = JsonFields.Flag(item, "archived"),
                Read = JsonFields.Flag(item, "archived"),
                Favorite = JsonFields.Flag(item, "favourited"),
                Content = JsonFields.Text(content, "htmlContent"),
                ContentSource = "Karakeep",
            };
        }).ToList());
}
