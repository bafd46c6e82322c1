namespace LinkSnap.Core.Import.Formats;

/// <summary>
/// Netscape bookmark HTML (Chrome, Firefox, Edge, Safari, Pinboard, Shaarli, linkding, Karakeep...), read in
/// one forward pass over AngleSharp's HTML5 tokenizer (<see cref="NetscapeReader"/>), which copes with the
/// never-closed DT and stray P. A bookmark's folders are the H3 headings of the DL lists around it; the DD
/// after it is its note. Browser root containers (toolbar, unfiled) are not folders a person made and give no tag.
/// </summary>
public sealed class NetscapeFormat : IImportFormat
{
    public string Name => "Netscape bookmarks HTML";

    public bool Matches(ImportText file) =>
        file.Head.Contains("netscape-bookmark-file") ||
        ((file.Head.Contains("<dt>") || file.Head.Contains("<dt ")) && (file.Head.Contains("<dl") || file.Head.Contains("<h3")));

    public ParsedImport Parse(ImportText file, ImportOptions options) => new(Name, NetscapeReader.Read(file.Text, options));

    /// <summary>TAGS is comma-separated in most exporters; Shaarli's files also separate with spaces.</summary>
    public static IEnumerable<string> SplitTags(string? tags) =>
        string.IsNullOrWhiteSpace(tags)
            ? []
            : tags.Split(tags.Contains(',') ? [','] : [' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
