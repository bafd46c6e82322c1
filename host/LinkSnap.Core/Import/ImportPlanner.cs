using LinkSnap.Core.Storage;
using LinkSnap.Core.Urls;

namespace LinkSnap.Core.Import;

/// <summary>
/// Turns a file's entries into links: refuses what cannot be captured (with UrlRules' reason), and merges
/// entries with the same normalized URL — tags united, the earliest saved date, notes joined, the first
/// title, any true state kept — in file order, so entries saved in the same second keep their order.
/// </summary>
public static class ImportPlanner
{
    public static ImportPlan Plan(ParsedImport parsed, ImportOptions options)
    {
        var links = new List<PlannedLink>();
        var byUrl = new Dictionary<string, int>(StringComparer.Ordinal);
        var rejected = new List<ImportRejection>();
        foreach (var entry in parsed.Entries)
        {
            if (!UrlRules.TryParse(entry.Url, out var url, out var error))
            {
                rejected.Add(new ImportRejection(entry.Position, entry.Url, error!));
                continue;
            }

            var tags = TagNames(entry.Tags.Concat(options.ExtraTags), entry.Position, rejected, entry.Url);
            var planned = new PlannedLink
            {
                Url = url!,
                NormalizedUrl = UrlNormalizer.Normalize(url!),
                Title = entry.Title?.Trim() ?? "",
                Note = entry.Note?.Trim() ?? "",
                Tags = tags,
                SavedAt = entry.SavedAt,
                Read = entry.Read,
                Favorite = entry.Favorite,
                Archived = entry.Archived,
                Private = entry.Private,
                Content = string.IsNullOrWhiteSpace(entry.Content) ? null : entry.Content,
                ContentSource = string.IsNullOrWhiteSpace(entry.Content) ? null : entry.ContentSource,
            };
            if (byUrl.TryGetValue(planned.NormalizedUrl, out var index))
            {
                links[index] = Merge(links[index], planned);
            }
            else
            {
                byUrl[planned.NormalizedUrl] = links.Count;
                links.Add(planned);
            }
        }

        return new ImportPlan(parsed.Format, parsed.Entries.Count, links, rejected);
    }

    public static PlannedLink Merge(PlannedLink first, PlannedLink other) => first with
    {
        Title = first.Title.Length > 0 ? first.Title : other.Title,
        Note = JoinNotes(first.Note, other.Note),
        Tags = TagName.NormalizeAll(first.Tags.Concat(other.Tags)),
        SavedAt = Earliest(first.SavedAt, other.SavedAt),
        Read = first.Read || other.Read,
        Favorite = first.Favorite || other.Favorite,
        Archived = first.Archived || other.Archived,
        Private = first.Private || other.Private,
        Content = first.Content ?? other.Content,
        ContentSource = first.Content is null ? other.ContentSource : first.ContentSource,
        Entries = first.Entries + other.Entries,
    };

    /// <summary>Notes are joined, never overwritten: a note already contained is not repeated.</summary>
    public static string JoinNotes(string first, string other) =>
        other.Length == 0 || first.Contains(other, StringComparison.Ordinal) ? first
        : first.Length == 0 ? other
        : first + "\n\n" + other;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    // A tag the library refuses (too long, control characters) is dropped from the link and listed, not fatal.
    // One pass over the tags (not one list per tag and a second over the kept ones): it runs per entry.
    private static IReadOnlyList<string> TagNames(IEnumerable<string> tags, string position, List<ImportRejection> rejected, string url) =>
        TagName.NormalizeAll(
            tags.Where(t => !string.IsNullOrWhiteSpace(t)),
            (tag, e) => rejected.Add(new ImportRejection(position, url, $"tag '{tag}' left out: {e.Message}")));
}
