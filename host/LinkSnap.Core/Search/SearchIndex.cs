using System.Data;
using Dapper;
using LinkSnap.Core.Storage;

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
            "SELECT t.name FROM link_tags lt JOIN tags t ON t.id = lt.tag_id WHERE lt.link_id = @linkId",
            new { linkId },
            transaction);

        Delete(connection, transaction, linkId);
        using var writer = new Writer(connection, transaction);
        writer.Insert(linkId, link.Title, link.Url, tags, link.Note, body);
    }

    public static void Delete(IDbConnection connection, IDbTransaction? transaction, long linkId)
    {
        connection.Execute("DELETE FROM search WHERE rowid = @linkId", new { linkId }, transaction);
    }

    /// <summary>
    /// The one place a search row is written and its text segmented. Prepared once, so a batch that
    /// creates many links (an import) keeps one writer and inserts their rows from what it just stored.
    /// </summary>
    internal sealed class Writer(IDbConnection connection, IDbTransaction? transaction) : IDisposable
    {
        private readonly PreparedStatement _insert = new(
            connection,
            transaction,
            "INSERT INTO search (rowid, title, url, tags, note, body) VALUES ($linkId, $title, $url, $tags, $note, $body)",
            "$linkId", "$title", "$url", "$tags", "$note", "$body");

        /// <summary>Inserts the row of a link that has none (<see cref="Update"/> deletes the old one first).</summary>
        public void Insert(long linkId, string title, string url, IEnumerable<string> tags, string note, string? body) =>
            _insert.Execute(
                linkId,
                SearchText.Segment(title),
                url,
                SearchText.Segment(string.Join(' ', tags.Order(StringComparer.Ordinal))),
                SearchText.Segment(note),
                SearchText.Segment(body));

        public void Dispose() => _insert.Dispose();
    }
}
