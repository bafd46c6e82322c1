using AngleSharp.Html.Parser;

namespace LinkSnap.Core.Import.Formats;

/// <summary>Pocket's legacy ril_export.html: links in lists under "Unread" and "Read Archive" headings, with time_added and tags attributes.</summary>
public sealed class PocketHtmlFormat : IImportFormat
{
    public string Name => "Pocket HTML (ril_export.html)";

    public bool Matches(ImportText file) => file.Head.Contains("<title>pocket export</title>") || file.Text.Contains("time_added=", StringComparison.Ordinal);

    public ParsedImport Parse(ImportText file, ImportOptions options)
    {
        var document = new HtmlParser().ParseDocument(file.Text);
        var entries = new List<ImportEntry>();
        foreach (var anchor in document.QuerySelectorAll("li > a"))
        {
            var list = anchor.Closest("ul");
            var archived = list?.PreviousElementSibling is { LocalName: "h1" } heading && heading.TextContent.Contains("Archive", StringComparison.OrdinalIgnoreCase);
            entries.Add(new ImportEntry
            {
                Position = $"link {entries.Count + 1}",
                Url = anchor.GetAttribute("href") ?? "",
                Title = anchor.TextContent.Trim(),
                Tags = NetscapeFormat.SplitTags(anchor.GetAttribute("tags")).ToList(),
                SavedAt = ImportDates.Parse(anchor.GetAttribute("time_added")),
                Read = archived,
                Archived = archived,
            });
        }

        return new ParsedImport(Name, entries);
    }
}
