namespace LinkSnap.Core.Import.Formats;

/// <summary>Pocket's 2025 CSV export (part_000000.csv): title,url,time_added,tags,status with tags separated by "|".</summary>
public sealed class PocketCsvFormat : IImportFormat
{
    public string Name => "Pocket CSV";

    public bool Matches(ImportText file)
    {
        var header = CsvTable.HeaderOf(file.Text);
        return header.Contains("url") && header.Contains("time_added") && header.Contains("status");
    }

    public ParsedImport Parse(ImportText file, ImportOptions options)
    {
        var table = CsvTable.Read(file);
        var entries = table.Rows.Select((row, i) =>
        {
            var status = row.GetValueOrDefault("status")?.Trim().ToLowerInvariant();
            return new ImportEntry
            {
                Position = $"row {i + 1}",
                Url = row.GetValueOrDefault("url") ?? "",
                Title = row.GetValueOrDefault("title"),
                Tags = (row.GetValueOrDefault("tags") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                SavedAt = ImportDates.Parse(row.GetValueOrDefault("time_added")),
                Read = status == "archive",
                Archived = status == "archive",
            };
        }).ToList();
        return new ParsedImport(Name, entries);
    }
}
