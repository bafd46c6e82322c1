using Dapper;
using LinkSnap.Core.Search;
using Microsoft.Data.Sqlite;

namespace LinkSnap.Core.Storage;

/// <summary>
/// Full-text search: matches ranked by bm25, with snippets. Ranking needs a score for every match it
/// orders, so a word found in a tenth of a 100,000-link library would cost a score per match on every
/// keystroke. Matches are therefore ranked in windows of <see cref="LinkListing.RankWindow"/>, newest first: up to
/// that many matches the order is plain relevance; past it the first pages hold the most relevant of
/// the newest window, and paging on continues with the next (older) window, again by relevance.
/// </summary>
internal sealed class LinkSearch(int rankWindow, int totalCountLimit)
{
    public LinkPage Search(SqliteConnection connection, LinkListQuery query, LinkFilter filter, string match, int limit)
    {
        // The links row is needed only by filters on its columns; tag filters test link_tags by the search rowid.
        var join = filter.LinkClauses.Count == 0 ? "" : "JOIN links l ON l.id = search.rowid";
        var clauses = filter.Clauses(join.Length == 0 ? "search.rowid" : "l.id");
        clauses.Insert(0, "search MATCH @match");
        var matches = $"FROM search {join} {LinkFilter.Where(clauses)}";
        var offset = query.Cursor is null ? 0 : PageCursor.Decode(query.Cursor).Offset;
        var parameters = new DynamicParameters(filter.Parameters);
        parameters.Add("match", match);
        var windowStart = offset / rankWindow * rankWindow;
        parameters.Add("window", rankWindow);
        parameters.Add("windowStart", windowStart);
        parameters.Add("skip", offset - windowStart);
        parameters.Add("take", limit + 1);

        // FTS5 walks matches newest first by itself (rowid order), so only the window's matches get scored.
        // Each row also carries the window's size and oldest id: the count then needs to read only the
        // matches older than the window, and none at all when the window holds every match.
        var ranked = connection.Query<(long Id, long Size, long Oldest)>(
            $"WITH w AS MATERIALIZED (SELECT search.rowid AS id, {SearchIndex.Rank} AS rank {matches} " +
            "ORDER BY search.rowid DESC LIMIT @window OFFSET @windowStart) " +
            "SELECT id, (SELECT COUNT(*) FROM w), (SELECT MIN(id) FROM w) FROM w ORDER BY rank, id LIMIT @take OFFSET @skip",
            parameters).ToList();
        var ids = ranked.Select(r => r.Id).ToList();
        var (total, lowerBound) = ranked.Count == 0
            ? LinkListing.Capped(connection, totalCountLimit, $"SELECT search.rowid {matches}", parameters)
            : CountMatches(connection, clauses, join, parameters, windowStart, ranked[0].Size, ranked[0].Oldest);
        if (total == 0)
        {
            return new LinkPage([], null, 0);
        }

        int? nextOffset = null;
        if (ids.Count > limit)
        {
            nextOffset = offset + limit;
        }
        else if (offset - windowStart + ids.Count == rankWindow && (lowerBound || total > windowStart + rankWindow))
        {
            nextOffset = windowStart + rankWindow;
        }

        var rows = LinkListing.LoadRows(connection, ids.Take(limit).ToList());
        AddSnippets(connection, query.Text, rows);
        var next = nextOffset is { } n ? PageCursor.Encode(new PageCursor { Offset = n }) : null;
        return new LinkPage(rows.Count == 0 ? [] : LinkRows.Hydrate(connection, rows), next, total, lowerBound);
    }

    /// <summary>
    /// The total of a search from its rank window: the <paramref name="windowStart"/> newer matches, the
    /// window's own, and the older ones counted up to <see cref="LinkListing.TotalCountLimit"/> in all.
    /// </summary>
    private (int Total, bool LowerBound) CountMatches(
        SqliteConnection connection, List<string> clauses, string join, DynamicParameters parameters, int windowStart, long size, long oldest)
    {
        var known = windowStart + size;
        if (size < rankWindow)
        {
            return known > totalCountLimit ? (totalCountLimit, true) : ((int)known, false);
        }

        if (known > totalCountLimit)
        {
            return (totalCountLimit, true);
        }

        var older = new DynamicParameters(parameters);
        older.Add("oldest", oldest);
        older.Add("countLimit", totalCountLimit + 1 - known);
        var n = connection.ExecuteScalar<long>(
            $"SELECT COUNT(*) FROM (SELECT search.rowid FROM search {join} {LinkFilter.Where([.. clauses, "search.rowid < @oldest"])} LIMIT @countLimit)",
            older);
        return known + n > totalCountLimit ? (totalCountLimit, true) : ((int)(known + n), false);
    }

    /// <summary>Snippets for the page's rows only, from their stored text (see <see cref="SearchSnippet"/>).</summary>
    private static void AddSnippets(SqliteConnection connection, string? text, List<LinkRow> rows)
    {
        var phrases = SearchQuery.Phrases(text);
        if (rows.Count == 0 || phrases.Count == 0)
        {
            return;
        }

        var columns = connection.Query<(long Id, string? Title, string? Url, string? Tags, string? Note, string? Body)>(
                "SELECT rowid, title, url, tags, note, body FROM search WHERE rowid IN @ids",
                new { ids = rows.Select(r => r.Id).ToArray() })
            .ToDictionary(c => c.Id);
        foreach (var row in rows)
        {
            row.Snippet = columns.TryGetValue(row.Id, out var c) ? SearchSnippet.Build([c.Body, c.Note, c.Title, c.Tags, c.Url], phrases) : null;
        }
    }
}
