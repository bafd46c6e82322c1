using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace LinkSnap.Core.Import.Formats;

/// <summary>
/// Netscape bookmark HTML (Chrome, Firefox, Edge, Safari, Pinboard, Shaarli, linkding, Karakeep...), read
/// with AngleSharp's HTML5 parser, which copes with the never-closed DT and stray P. A bookmark's folders
/// are the H3 headings of the DL lists around it; the DD after it is its note. Browser root containers
/// (toolbar, unfiled) are not folders a person made and give no tag.
/// </summary>
public sealed class NetscapeFormat : IImportFormat
{
    public string Name => "Netscape bookmarks HTML";

    public bool Matches(ImportText file) =>
        file.Head.Contains("netscape-bookmark-file") ||
        ((file.Head.Contains("<dt>") || file.Head.Contains("<dt ")) && (file.Head.Contains("<dl") || file.Head.Contains("<h3")));

    public ParsedImport Parse(ImportText file, ImportOptions options)
    {
        var document = new HtmlParser().ParseDocument(file.Text);
        var entries = new List<ImportEntry>();
        foreach (var anchor in document.QuerySelectorAll("a"))
        {
            if (anchor.Ancestors<IElement>().FirstOrDefault(e => e.LocalName is "dt" or "dd")?.LocalName == "dd")
            {
                continue; // a thumbnail link inside a description, not a bookmark
            }

            var tags = new List<string>(options.TagsForFolders(FoldersOf(anchor)));
            tags.AddRange(SplitTags(anchor.GetAttribute("tags")));
            entries.Add(new ImportEntry
            {
                Position = $"bookmark {entries.Count + 1}",
                Url = anchor.GetAttribute("href") ?? "",
                Title = anchor.TextContent.Trim(),
                Note = NoteOf(anchor),
                Tags = tags,
                SavedAt = ImportDates.Parse(anchor.GetAttribute("add_date")),
                Read = anchor.GetAttribute("toread")?.Trim() == "0", // TOREAD="1" is unread, "0" was read
                Private = anchor.GetAttribute("private")?.Trim() == "1",
            });
        }

        return new ParsedImport(Name, entries);
    }

    /// <summary>TAGS is comma-separated in most exporters; Shaarli's files also separate with spaces.</summary>
    public static IEnumerable<string> SplitTags(string? tags) =>
        string.IsNullOrWhiteSpace(tags)
            ? []
            : tags.Split(tags.Contains(',') ? [','] : [' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<string> FoldersOf(IElement anchor)
    {
        var folders = new List<string>();
        for (var node = anchor.ParentElement; node is not null; node = node.ParentElement)
        {
            if (node.LocalName == "dl" && HeadingOf(node) is { } heading && !IsRootContainer(heading))
            {
                folders.Insert(0, heading.TextContent.Trim());
            }
        }

        return folders;
    }

    /// <summary>The H3 naming a DL: the DL's previous sibling, or the first H3 of the DT the parser put the DL into.</summary>
    private static IElement? HeadingOf(IElement list)
    {
        if (list.PreviousElementSibling is { LocalName: "h3" } sibling)
        {
            return sibling;
        }

        // A folder with a description: <DT><H3>…</H3><DD>text<DL>, where the parser puts the DL into the DD.
        var holder = list.ParentElement is { LocalName: "dd" } dd ? dd.PreviousElementSibling : list.ParentElement;
        return holder is { LocalName: "dt" } dt ? dt.Children.FirstOrDefault(c => c.LocalName == "h3") : null;
    }

    private static bool IsRootContainer(IElement heading) =>
        heading.HasAttribute("personal_toolbar_folder") || heading.HasAttribute("unfiled_bookmarks_folder");

    private static string? NoteOf(IElement anchor)
    {
        // <DT><A>…</A><DD>note: the parser closes the DT at the DD, so the DD follows the DT (or the A itself).
        var holder = anchor.ParentElement is { LocalName: "dt" } dt ? dt : anchor;
        return holder.NextElementSibling is { LocalName: "dd" } dd ? dd.TextContent.Trim() : null;
    }
}
