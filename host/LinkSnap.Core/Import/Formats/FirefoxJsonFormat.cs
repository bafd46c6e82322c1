using System.Text.Json;

namespace LinkSnap.Core.Import.Formats;

/// <summary>
/// Firefox's bookmarks backup (JSON from Library → Backup): a tree of text/x-moz-place-container folders
/// and text/x-moz-place bookmarks with dateAdded in microseconds and tags as a comma string. Root
/// containers (menu, toolbar, unfiled, mobile) give no tag; the tags root only mirrors the places' tags
/// and separators are not bookmarks.
/// </summary>
public sealed class FirefoxJsonFormat : IImportFormat
{
    private const string Container = "text/x-moz-place-container";
    private const string Place = "text/x-moz-place";

    public string Name => "Firefox bookmarks backup JSON";

    public bool Matches(ImportText file) =>
        file.Json is { ValueKind: JsonValueKind.Object } root && JsonFields.Text(root, "type") == Container;

    public ParsedImport Parse(ImportText file, ImportOptions options)
    {
        var entries = new List<ImportEntry>();
        Walk(file.Json!.Value, [], entries, options);
        return new ParsedImport(Name, entries);
    }

    private static void Walk(JsonElement folder, List<string> path, List<ImportEntry> entries, ImportOptions options)
    {
        foreach (var node in JsonFields.Items(folder, "children"))
        {
            switch (JsonFields.Text(node, "type"))
            {
                case Container when JsonFields.Text(node, "root") == "tagsFolder":
                    break;
                case Container:
                    var isRoot = JsonFields.Text(node, "root") is not null;
                    Walk(node, isRoot ? path : [.. path, JsonFields.Text(node, "title") ?? ""], entries, options);
                    break;
                case Place when JsonFields.Text(node, "uri") is { } uri:
                    entries.Add(new ImportEntry
                    {
                        Position = $"bookmark {entries.Count + 1}",
                        Url = uri,
                        Title = JsonFields.Text(node, "title"),
                        Tags = [.. options.TagsForFolders(path), .. JsonFields.Tags(node, "tags")],
                        SavedAt = ImportDates.Parse(JsonFields.Text(node, "dateAdded")),
                    });
                    break;
            }
        }
    }
}
