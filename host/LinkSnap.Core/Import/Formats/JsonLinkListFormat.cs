namespace LinkSnap.Core.Import.Formats;

/// <summary>
/// Any other JSON list of links with a url (Delicious, elCurator, Readability's {bookmarks: [...]}):
/// url/article__url, title/article__title, description, tags, a creation date and favourite/archive flags.
/// </summary>
public sealed class JsonLinkListFormat : IImportFormat
{
    public string Name => "JSON list of links";

    public bool Matches(ImportText file) =>
        JsonFields.FirstHas(file.Json, null, "url") || JsonFields.FirstHas(file.Json, "bookmarks", "article__url");

    public ParsedImport Parse(ImportText file, ImportOptions options)
    {
        var items = JsonFields.FirstHas(file.Json, "bookmarks", "article__url") ? JsonFields.Items(file.Json, "bookmarks") : JsonFields.Items(file.Json);
        return new ParsedImport(Name, items.Select((item, i) => new ImportEntry
        {
            Position = $"entry {i + 1}",
            Url = JsonFields.Text(item, "url") ?? JsonFields.Text(item, "article__url") ?? "",
            Title = JsonFields.Text(item, "title") ?? JsonFields.Text(item, "article__title"),
            Note = JsonFields.Text(item, "description"),
            Tags = JsonFields.Tags(item, "tags"),
            SavedAt = ImportDates.Parse(JsonFields.Text(item, "created") ?? JsonFields.Text(item, "created_at") ?? JsonFields.Text(item, "date_added")),
            Favorite = JsonFields.Flag(item, "favorite"),
            Archived = JsonFields.Flag(item, "archive"),
            Read = JsonFields.Flag(item, "archive"),
        }).ToList());
    }
}
