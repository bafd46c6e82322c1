using AngleSharp.Html.Parser;
using LinkSnap.Core.Import;
using LinkSnap.Core.Import.Formats;

namespace LinkSnap.Core.Tests.Import;

/// <summary>
/// The test oracle for <see cref="PocketHtmlFormat"/>'s forward pass: the reader the daemon used before
/// decision 090, on the full HTML5 document AngleSharp's tree builder makes.
/// </summary>
internal static class PocketHtmlTreeReference
{
    public static List<ImportEntry> Read(string text)
    {
        var document = new HtmlParser().ParseDocument(text);
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

        return entries;
    }
}
