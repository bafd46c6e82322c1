namespace LinkSnap.Core.Import.Formats;

/// <summary>
/// Instapaper's CSV: URL,Title,Selection,Folder[,Timestamp,Tags]. Folder Unread/Archive/Starred are states;
/// any other folder is a user folder and becomes a tag. Selection (a highlighted passage) becomes the note.
/// </summary>
public sealed class InstapaperCsvFormat : IImportFormat
{
    public string Name => "Instapaper CSV";

    public bool Matches(ImportText file)
    {
        var header = CsvTable.HeaderOf(file.Text);
        return header.Contains("url") && header.Contains("folder") && header.Contains("selection");
    }

    public ParsedImport Parse(ImportText file, ImportOptions options)
    {
        var table = CsvTable.Read(file);
        var entries = table.Rows.Select((row, i) =>
        {
            var folder = row.GetValueOrDefault("folder")?.Trim() ?? "";
            var tags = new List<string>();
            if (folder is not ("" or "Unread" or "Archive" or "Starred"))
            {
                tags.AddRange(options.TagsForFolders([folder]));
            }

            tags.AddRange(ParseTags(row.GetValueOrDefault("tags")));
            return new ImportEntry
            {
                Position = $"row {i + 1}",
                Url = row.GetValueOrDefault("url") ?? "",
                Title = row.GetValueOrDefault("title"),
                Note = row.GetValueOrDefault("selection"),
                Tags = tags,
                SavedAt = ImportDates.Parse(row.GetValueOrDefault("timestamp")),
                Read = folder == "Archive",
                Archived = folder == "Archive",
                Favorite = folder == "Starred",
            };
        }).ToList();
        return new ParsedImport(Name, entries);
    }

    // Newer exports write Tags as a JSON-like list: ["a","b"].
    private static IEnumerable<string> ParseTags(string? tags) =>
        string.IsNullOrWhiteSpace(tags) ? [] : tags.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim().Trim('"')).Where(t => t.Length > 0);
}
