using System.Data;
using Dapper;

namespace LinkSnap.Core.Search;

/// <summary>
/// Keeps the FTS5 table "search" in step with links: one row per link (rowid = link id) holding its
/// title, URL, tags, note and the article text of its latest successful snapshot, all segmented.
/// </summary>
public static class SearchIndex
{
    /// <summary>Column weights for bm25: a hit in the title counts most, the article body least.</summary>
    public const string Rank = "bm25(search, 10.0, 4.0, 6.0, 3.0, 1.0)";

    /// <summary>Rewrites the link's row. <paramref name="body"/> null keeps the article text already indexed.</summary>
    public static void Update(IDbConnection connection, IDbTransaction? transaction, long linkId, string? body = null)
    {
        var link = connection.QuerySingleOrDefault<(string Title, string Url, string Note)>(
            "SELECT title, url, note FROM links WHERE id = @linkId", new { linkId }, transaction);
        if (link == default)
        {
            Delete(connection, transaction, linkId);
            return;
        }

        body ??= connection.QuerySingleOrDefault<string?>("SELECT body FROM search WHERE rowid = @linkId", new { linkId }, transaction);
        var tags = connection.Query<string>(
            "SELECT t.name FROM link_tags lt JOIN tags t ON t.id = lt.tag_id WHERE lt.link_id = @linkId ORDER BY t.name",
            new { linkId },
            transaction);

        Delete(connection, transaction, linkId);
        Insert(connection, transaction, linkId, link.Title, link.Url, tags, link.Note, body);
    }

    /// <summary>
    /// Writes the row of a link that has none yet (one just created) from what the caller already holds,
    /// without reading the link back: an import adds thousands of links per batch.
    /// </summary>
    public static void Insert(IDbConnection connection, IDbTransaction? transaction, long linkId, string title, string url, IEnumerable<string> tags, string note, string? body)
    {
        connection.Execute(
            "INSERT INTO search (rowid, title, url, tags, note, body) VALUES (@linkId, @title, @url, @tags, @note, @body)",
            new
            {
                linkId,
                title = SearchText.Segment(title),
                url,
                tags = SearchText.Segment(string.Join(' ', tags.Order(StringComparer.Ordinal))),
                note = SearchText.Segment(note),
                body = SearchText.Segment(body),
            },
            transaction);
    }

    public static void Delete(IDbConnection connection, IDbTransaction? transaction, long linkId)
    {
        connection.Execute("DELETE FROM search WHERE rowid = @linkId", new { linkId }, transaction);
    }
}
