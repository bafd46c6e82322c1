using System.Text.Json;

namespace LinkSnap.Core.Import.Formats;

/// <summary>
/// Chrome's (and Edge's, Brave's) profile "Bookmarks" file: roots bookmark_bar/other/synced holding folders
/// and urls, date_added in microseconds since 1601. The roots are the browser's, named in the user's
/// language ("Barre de favoris"): they give no tag; folders under them do.
/// </summary>
public sealed class ChromeJsonFormat : IImportFormat
{
    public string Name => "Chrome bookmarks JSON";

    public bool Matches(ImportText file) =>
        file.Json is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("roots", out var roots) && roots.ValueKind == JsonValueKind.Object;

    public ParsedImport Parse(ImportText file, ImportOptions options)
    {
        var entries = new List<ImportEntry>();
        foreach (var root in file.Json!.Value.GetProperty("roots").EnumerateObject().Where(r => r.Value.ValueKind == JsonValueKind.Object))
        {
            Walk(root.Value, [], entries, options);
        }

        return new ParsedImport(Name, entries);
    }

    private static void Walk(JsonElement folder, List<string> path, List<ImportEntry> entries, ImportOptions options)
    {
        foreach (var node in JsonFields.Items(folder, "children"))
        {
            if (JsonFields.Text(node, "type") == "folder")
            {
                Walk(node, [.. path, JsonFields.Text(node, "name") ?? ""], entries, options);
                continue;
            }

            entries.Add(new ImportEntry
            {
                Position = $"bookmark {entries.Count + 1}",
                Url = JsonFields.Text(node, "url") ?? "",
                Title = JsonFields.Text(node, "name"),
                Tags = options.TagsForFolders(path),
                SavedAt = ImportDates.FromWebKit(JsonFields.Text(node, "date_added")),
            });
        }
    }
}
