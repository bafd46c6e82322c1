using Dapper;
using LinkSnap.Core.Search;
using LinkSnap.Core.Urls;

namespace LinkSnap.Core.Storage;

public sealed partial class LinkStore
{
    /// <summary>
    /// The link for an imported page without queuing a capture: found by normalized URL (an empty title
    /// filled, the earlier saved date kept, tags added) or created with the page's title and date.
    /// </summary>
    public (long Id, bool Created) EnsureLink(Uri url, string? title, IEnumerable<string> tags, DateTimeOffset? savedAt)
    {
        var normalized = UrlNormalizer.Normalize(url);
        var now = Now();
        var saved = savedAt is { } at ? StorageText.Time(at) : now;
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var id = connection.QuerySingleOrDefault<long?>("SELECT id FROM links WHERE normalized_url = @normalized", new { normalized }, transaction);
        var created = id is null;
        if (id is { } existing)
        {
            connection.Execute(
                "UPDATE links SET title = CASE WHEN title = '' THEN @title ELSE title END, created_at = MIN(created_at, @saved), updated_at = @now WHERE id = @existing",
                new { existing, title = LinkTitle.FromPage(title), saved, now }, transaction);
        }
        else
        {
            id = connection.ExecuteScalar<long>(
                "INSERT INTO links (url, normalized_url, site, title, created_at, updated_at) VALUES (@url, @normalized, @site, @title, @saved, @now) RETURNING id",
                new { url = url.OriginalString.Trim(), normalized, site = UrlNormalizer.Site(url), title = LinkTitle.FromPage(title), saved, now }, transaction);
        }

        AddTagsCore(connection, transaction, id.Value, TagName.NormalizeAll(tags));
        SearchIndex.Update(connection, transaction, id.Value);
        transaction.Commit();
        return (id.Value, created);
    }
}
