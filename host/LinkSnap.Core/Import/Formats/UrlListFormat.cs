using System.Text.RegularExpressions;
using LinkSnap.Core.Urls;

namespace LinkSnap.Core.Import.Formats;

/// <summary>
/// Plain text: one URL per line, Markdown links ("[title](url)", also inside list items), and OneTab's
/// "url | title" lines. Blank lines and Markdown headings are skipped; any other line is an entry, so a
/// line that is not a URL is listed with its reason rather than dropped. A line holding several URLs
/// (pasted "a b", "a, b", also bare "a.org b.org") gives one entry per word, so a pasted list may be separated any way.
/// </summary>
public sealed partial class UrlListFormat : IImportFormat
{
    public string Name => "List of URLs";

    // Last resort: any text that is not one of the structured formats.
    public bool Matches(ImportText file) =>
        file.Json is null && !file.Head.StartsWith('<') && !file.Head.StartsWith('{') && !(file.Head.StartsWith('[') && !file.Head.Contains("](", StringComparison.Ordinal));

    public ParsedImport Parse(ImportText file, ImportOptions options)
    {
        var entries = new List<ImportEntry>();
        var lines = file.Text.TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var position = $"line {i + 1}";
            var markdown = MarkdownLink().Matches(line);
            if (markdown.Count > 0)
            {
                entries.AddRange(markdown.Select(m => new ImportEntry { Position = position, Url = m.Groups["url"].Value, Title = m.Groups["title"].Value.Trim() }));
                continue;
            }

            var words = Separator().Split(line).Select(w => w.Trim(',')).Where(w => w.Length > 0).ToList();
            if (words.Count(LooksLikeUrl) > 1)
            {
                entries.AddRange(words.Select(w => new ImportEntry { Position = position, Url = w }));
                continue;
            }

            var bar = line.IndexOf(" | ", StringComparison.Ordinal);
            entries.Add(bar > 0
                ? new ImportEntry { Position = position, Url = line[..bar].Trim(), Title = line[(bar + 3)..].Trim() }
                : new ImportEntry { Position = position, Url = line.TrimStart('-', '*', ' ') });
        }

        return new ParsedImport(Name, entries);
    }

    // A word with a scheme, or a bare "example.org/page" that a box would complete with https://.
    private static bool LooksLikeUrl(string word) =>
        word.Contains("://", StringComparison.Ordinal) || UrlRules.AssumeHttps(word) != word;

    // Whitespace, or a comma before the next URL's scheme (a comma inside a URL stays).
    [GeneratedRegex(@"\s+|,(?=\s*[a-zA-Z][a-zA-Z0-9+.-]*://)")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\[(?<title>[^\]]*)\]\((?<url>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();
}
