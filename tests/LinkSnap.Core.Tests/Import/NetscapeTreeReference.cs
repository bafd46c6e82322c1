using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using LinkSnap.Core.Import;
using LinkSnap.Core.Import.Formats;

namespace LinkSnap.Core.Tests.Import;

/// <summary>
/// The test oracle for <see cref="NetscapeFormat"/>'s forward pass: the same rules read off the full HTML5
/// document that AngleSharp's tree builder makes (the reader the daemon used before decision 082). Too
/// costly in memory for a 100,000-bookmark upload, but it is the tree every browser would build.
/// </summary>
internal static class NetscapeTreeReference
{
    public static List<ImportEntry> Read(string text, ImportOptions options)
    {
        var document = new HtmlParser().ParseDocument(text);
        var entries = new List<ImportEntry>();
        foreach (var anchor in document.QuerySelectorAll("a"))
        {
            if (anchor.Ancestors<IElement>().FirstOrDefault(e => e.LocalName is "dt" or "dd")?.LocalName == "dd")
            {
                continue; // a thumbnail link inside a description
            }

            var tags = new List<string>(options.TagsForFolders(FoldersOf(anchor)));
            tags.AddRange(NetscapeFormat.SplitTags(anchor.GetAttribute("tags")));
            entries.Add(new ImportEntry
            {
                Position = $"bookmark {entries.Count + 1}",
                Url = anchor.GetAttribute("href") ?? "",
                Title = anchor.TextContent.Trim(),
                Note = NoteOf(anchor),
                Tags = tags,
                SavedAt = ImportDates.Parse(anchor.GetAttribute("add_date")),
                Read = anchor.GetAttribute("toread")?.Trim() == "0",
                Private = anchor.GetAttribute("private")?.Trim() == "1",
            });
        }

        return entries;
    }

    private static List<string> FoldersOf(IElement anchor)
    {
        var folders = new List<string>();
        for (var node = anchor.ParentElement; node is not null; node = node.ParentElement)
        {
            if (node.LocalName == "dl" && HeadingOf(node) is { } heading && !heading.HasAttribute("personal_toolbar_folder") && !heading.HasAttribute("unfiled_bookmarks_folder"))
            {
                folders.Insert(0, heading.TextContent.Trim());
            }
        }

        return folders;
    }

    private static IElement? HeadingOf(IElement list)
    {
        if (list.PreviousElementSibling is { LocalName: "h3" } sibling)
        {
            return sibling;
        }

        var holder = list.ParentElement is { LocalName: "dd" } dd ? dd.PreviousElementSibling : list.ParentElement;
        return holder is { LocalName: "dt" } dt ? dt.Children.FirstOrDefault(c => c.LocalName == "h3") : null;
    }

    private static string? NoteOf(IElement anchor)
    {
        var holder = anchor.ParentElement is { LocalName: "dt" } dt ? dt : anchor;
        return holder.NextElementSibling is { LocalName: "dd" } dd ? dd.TextContent.Trim() : null;
    }
}
