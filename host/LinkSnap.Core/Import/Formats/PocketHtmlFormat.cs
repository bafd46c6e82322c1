namespace LinkSnap.Core.Import.Formats;

/// <summary>
/// Pocket's legacy ril_export.html: links in lists under "Unread" and "Read Archive" headings, with time_added and
/// tags attributes, read in one forward pass over AngleSharp's tokenizer (<see cref="PocketHtmlReader"/>, decision 090).
/// </summary>
public sealed class PocketHtmlFormat : IImportFormat
{
    public string Name => "Pocket HTML (ril_export.html)";

    public bool Matches(ImportText file) => file.Head.Contains("<title>pocket export</title>") || file.Text.Contains("time_added=", StringComparison.Ordinal);

    public ParsedImport Parse(ImportText file, ImportOptions options) => new(Name, PocketHtmlReader.Read(file.Text));
}
