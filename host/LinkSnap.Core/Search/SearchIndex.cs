using System.Data;
using System.Text.Json;
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
        connection.Execute(
            "INSERT INTO search (rowid, title, url, tags, note, body) VALUES (@linkId, @title, @url, @tags, @note, @body)",
            new
            {
                linkId,
                title = SearchText.Segment(link.Title),
                url = link.Url,
                tags = SearchText.Segment(string.Join(' ', tags)),
                note = SearchText.Segment(link.Note),
                body = SearchText.Segment(body),
            },
            transaction);
    }

    /// <summary>
    /// Search rows for links that have none yet (an import batch), in one statement: the same segmented
    /// fields as <see cref="Update"/>, tags in name order, no article text.
    /// </summary>
    public static void InsertNew(IDbConnection connection, IDbTransaction transaction, IReadOnlyList<SearchRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var values = rows.Select(r => new object[]
        {
            r.LinkId, SearchText.Segment(r.Title), r.Url, SearchText.Segment(string.Join(' ', r.Tags.Order(StringComparer.Ordinal))), SearchText.Segment(r.Note),
        });
        connection.Execute(
            "INSERT INTO search (rowid, title, url, tags, note, body) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, NULL FROM json_each(@rows)",
            new { rows = JsonSerializer.Serialize(values) },
            transaction);
    }

    public static void Delete(IDbConnection connection, IDbTransaction? transaction, long linkId)
    {
        connection.Execute("DELETE FROM search WHERE rowid = @linkId", new { linkId }, transaction);
    }
}
