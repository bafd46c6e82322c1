using Markdig;

namespace LinkSnap.Core.Import.Formats;

/// <summary>
/// Omnivore's export metadata (metadata_N.json, alone or in the export zip with content/SLUG.md): url, title,
/// description, labels, state (Archived), savedAt. Content files found in the zip are attached by the reader;
/// their Markdown becomes HTML here (Markdig), so every imported article reaches the converter as HTML.
/// </summary>
public sealed class OmnivoreJsonFormat : IImportFormat
{
    public string Name => "Omnivore export";

    public bool Matches(ImportText file) => JsonFields.FirstHas(file.Json, null, "url", "savedAt", "slug");

    public ParsedImport Parse(ImportText file, ImportOptions options) => new(
        Name,
        JsonFields.Items(file.Json).Select((item, i) =>
        {
            var archived = string.Equals(JsonFields.Text(item, "state"), "Archived", StringComparison.OrdinalIgnoreCase);
            return new ImportEntry
            {
                Position = $"entry {i + 1}",
                Url = JsonFields.Text(item, "url") ?? "",
                Title = JsonFields.Text(item, "title"),
                Note = JsonFields.Text(item, "description"),
                Tags = JsonFields.Tags(item, "labels"),
                SavedAt = ImportDates.Parse(JsonFields.Text(item, "savedAt")),
                Read = archived || JsonFields.Text(item, "readingProgress") == "100",
                Archived = archived,
                Content = file.Attachments.GetValueOrDefault($"content/{JsonFields.Text(item, "slug")}.md") is { } markdown ? Markdown.ToHtml(markdown) : null,
                ContentSource = "Omnivore",
            };
        }).ToList());
}
