namespace LinkSnap.Core.Import.Formats;

/// <summary>Pinboard's JSON export: href, description (the title), extended (notes), time, toread/shared "yes"/"no", space-separated tags.</summary>
public sealed class PinboardJsonFormat : IImportFormat
{
    public string Name => "Pinboard JSON";

    public bool Matches(ImportText file) => JsonFields.FirstHas(file.Json, null, "href", "description");

    public ParsedImport Parse(ImportText file, ImportOptions options) => new(
        Name,
        JsonFields.Items(file.Json).Select((item, i) => new ImportEntry
        {
            Position = $"entry {i + 1}",
            Url = JsonFields.Text(item, "href") ?? "",
            Title = JsonFields.Text(item, "description"),
            Note = JsonFields.Text(item, "extended"),
            Tags = JsonFields.Tags(item, "tags", spaces: true),
            SavedAt = ImportDates.Parse(JsonFields.Text(item, "time")),
            Read = !JsonFields.Flag(item, "toread"),
            Private = JsonFields.Text(item, "shared") == "no",
        }).ToList());
}
