using System.Text.Json;

namespace LinkSnap.Core.Import.Formats;

/// <summary>
/// wallabag's JSON export, v2 (is_archived, is_starred, annotations) and v1 (is_read, is_fav as strings,
/// tags as a string). The article HTML it carries is kept as an imported version; annotations go to the note.
/// </summary>
public sealed class WallabagJsonFormat : IImportFormat
{
    public string Name => "wallabag JSON";

    public bool Matches(ImportText file) =>
        JsonFields.FirstHas(file.Json, null, "url", "is_archived") || JsonFields.FirstHas(file.Json, null, "url", "is_read", "is_fav");

    public ParsedImport Parse(ImportText file, ImportOptions options) => new(
        Name,
        JsonFields.Items(file.Json).Select((item, i) => new ImportEntry
        {
            Position = $"entry {i + 1}",
            Url = JsonFields.Text(item, "url") ?? "",
            Title = JsonFields.Text(item, "title"),
            Note = Annotations(item),
            Tags = JsonFields.Tags(item, "tags"),
            SavedAt = ImportDates.Parse(JsonFields.Text(item, "created_at")),
            Read = JsonFields.Flag(item, "is_archived") || JsonFields.Flag(item, "is_read"),
            Archived = JsonFields.Flag(item, "is_archived") || JsonFields.Flag(item, "is_read"),
            Favorite = JsonFields.Flag(item, "is_starred") || JsonFields.Flag(item, "is_fav"),
            Content = JsonFields.Text(item, "content"),
            ContentSource = "wallabag",
        }).ToList());

    /// <summary>Each annotation as "“quote” — comment", one per paragraph.</summary>
    private static string? Annotations(JsonElement item)
    {
        var notes = JsonFields.Items(item, "annotations")
            .Select(a => (Quote: JsonFields.Text(a, "quote")?.Trim(), Text: JsonFields.Text(a, "text")?.Trim()))
            .Select(a => string.IsNullOrEmpty(a.Quote) ? a.Text : string.IsNullOrEmpty(a.Text) ? $"“{a.Quote}”" : $"“{a.Quote}” — {a.Text}")
            .Where(n => !string.IsNullOrEmpty(n))
            .ToList();
        return notes.Count == 0 ? null : string.Join("\n\n", notes);
    }
}
