namespace LinkSnap.Core.Import.Formats;

/// <summary>Linkwarden's backup: {"collections": [{name, links: [{url, name, description, tags: [{name}], createdAt}]}]}; a collection becomes a folder tag.</summary>
public sealed class LinkwardenJsonFormat : IImportFormat
{
    public string Name => "Linkwarden JSON";

    public bool Matches(ImportText file) => JsonFields.FirstHas(file.Json, "collections", "links");

    public ParsedImport Parse(ImportText file, ImportOptions options)
    {
        var entries = new List<ImportEntry>();
        foreach (var collection in JsonFields.Items(file.Json, "collections"))
        {
            var folder = options.TagsForFolders([JsonFields.Text(collection, "name") ?? ""]);
            foreach (var link in JsonFields.Items(collection, "links"))
            {
                entries.Add(new ImportEntry
                {
                    Position = $"link {entries.Count + 1}",
                    Url = JsonFields.Text(link, "url") ?? "",
                    Title = JsonFields.Text(link, "name"),
                    Note = JsonFields.Text(link, "description"),
                    Tags = [.. folder, .. JsonFields.Tags(link, "tags")],
                    SavedAt = ImportDates.Parse(JsonFields.Text(link, "createdAt")),
                });
            }
        }

        return new ParsedImport(Name, entries);
    }
}
