using System.Text.Json;
using Dapper;
using LinkSnap.Core.Search;
using Microsoft.Data.Sqlite;

namespace LinkSnap.Core.Storage;

/// <summary>
/// Listing. Every query first finds the page's link ids (ids and sort keys only), then reads those
/// rows, so the cost of a page does not grow with the number of matches. Plain listings page by
/// keyset (sort value, id) so page 2,000 costs what page 1 does. Tag filters are counted from the
/// matching ids kept in memory (<see cref="TagLinkSets"/>), not by sorting link_tags per request.
/// </summary>
public sealed partial class LinkStore
{
    public const int MaxPageSize = 500;

    public const int DefaultTotalCountLimit = 10_000;

    /// <summary>Matches are counted exactly up to this many; past it the page says "at least" (see <see cref="LinkPage"/>).</summary>
    public int TotalCountLimit { get; init; } = DefaultTotalCountLimit;

    private readonly TagLinkSets _tagSets = new();

    public LinkPage ListLinks(LinkListQuery query)
    {
        var limit = Math.Clamp(query.Limit, 1, MaxPageSize);
        var match = SearchQuery.ToMatchExpression(query.Text);
        if (!string.IsNullOrWhiteSpace(query.Text) && match is null)
        {
            return new LinkPage([], null, 0);
        }

        using var connection = database.Open();

        // SQLite's default page cache is 2 MiB; a listing over 100,000 links touches more index pages
        // than that, and a pooled connection keeps its cache from one request to the next.
        connection.Execute("PRAGMA cache_size = -32768");
        var filter = LinkFilter.Build(connection, query);
        if (filter.MatchesNothing)
        {
            return new LinkPage([], null, 0);
        }

        return match is null ? List(connection, query, filter, limit) : Search(connection, query, filter, match, limit);
    }

    private LinkPage List(SqliteConnection connection, LinkListQuery query, LinkFilter filter, int limit)
    {
        var cursor = query.Cursor is null ? null : PageCursor.Decode(query.Cursor);
        var tagged = filter.TagGroups.Count == 0 ? null : _tagSets.Matching(connection, filter.TagGroups);
        var parameters = new DynamicParameters(filter.Parameters);
        var (total, lowerBound) = CountLinks(connection, filter, tagged, parameters);
        if (total == 0)
        {
            return new LinkPage([], null, 0);
        }

        var (column, collate) = query.Sort switch
        {
            LinkSort.Title => ("l.title", " COLLATE NOCASE"),
            LinkSort.Site => ("l.site", ""),
            LinkSort.Published => ("l.published", ""),
            _ => ("l.created_at", ""),
        };
        var direction = query.Descending ? "DESC" : "ASC";
        var from = "FROM links l";
        var clauses = filter.Clauses();
        if (tagged is not null && !WalkInSortOrder(connection, limit, tagged.Length))
        {
            // Few tagged links: start from them and sort just those.
            from = $"FROM json_each(@tagged) d CROSS JOIN links l ON l.id = d.value";
            clauses = [.. filter.LinkClauses];
            AddTagged(parameters, tagged);
        }

        if (cursor is not null)
        {
            var op = query.Descending ? "<" : ">";
            clauses.Add($"({column}{collate} {op} @cursorKey OR ({column}{collate} = @cursorKey AND l.id {op} @cursorId))");
            parameters.Add("cursorKey", cursor.Key);
            parameters.Add("cursorId", cursor.Id);
        }

        parameters.Add("limit", limit + 1);
        var ids = connection.Query<long>(
            $"SELECT l.id {from} {LinkFilter.Where(clauses)} ORDER BY {column}{collate} {direction}, l.id {direction} LIMIT @limit",
            parameters).ToList();
        var rows = LoadRows(connection, ids.Take(limit).ToList());
        var next = ids.Count > limit ? PageCursor.Encode(new PageCursor { Key = SortKey(query.Sort, rows[^1]), Id = rows[^1].Id }) : null;
        return new LinkPage(rows.Count == 0 ? [] : Hydrate(connection, rows), next, total, lowerBound);
    }

    /// <summary>
    /// Whether to walk the links in sort order, testing each link's tags, rather than starting from the
    /// tagged links: the walk reads about (page size) ÷ (share of links that match) links, the other way
    /// looks up every tagged link.
    /// </summary>
    private static bool WalkInSortOrder(SqliteConnection connection, int limit, int tagged)
    {
        var links = connection.ExecuteScalar<long>("SELECT COALESCE(MAX(id), 0) FROM links");
        return (limit + 1.0) * links / Math.Max(tagged, 1) <= tagged;
    }

    /// <summary>
    /// The whole library (and the default view, all but the archived) is counted exactly, tag filters from their sets in memory;
    /// filters on links columns up to <see cref="TotalCountLimit"/>.
    /// </summary>
    private (int Total, bool LowerBound) CountLinks(SqliteConnection connection, LinkFilter filter, long[]? tagged, DynamicParameters parameters)
    {
        if (filter.IsEmpty)
        {
            return ((int)connection.ExecuteScalar<long>("SELECT COUNT(*) FROM links"), false);
        }

        if (filter.IsOnlyNotArchived)
        {
            // The default view is counted exactly too: the library less its archived links (a partial index, migration 012).
            return ((int)connection.ExecuteScalar<long>("SELECT (SELECT COUNT(*) FROM links) - (SELECT COUNT(*) FROM links WHERE is_archived = 1)"), false);
        }

        if (tagged is null)
        {
            return Capped(connection, $"SELECT 1 FROM links l {LinkFilter.Where(filter.LinkClauses)}", parameters);
        }

        if (filter.LinkClauses.Count == 0)
        {
            return tagged.Length > TotalCountLimit ? (TotalCountLimit, true) : (tagged.Length, false);
        }

        AddTagged(parameters, tagged);
        return Capped(connection, $"SELECT 1 FROM json_each(@tagged) d CROSS JOIN links l ON l.id = d.value {LinkFilter.Where(filter.LinkClauses)}", parameters);
    }

    /// <summary>The tagged links' ids as one JSON array for json_each (one parameter, however many ids).</summary>
    private static void AddTagged(DynamicParameters parameters, long[] tagged)
    {
        if (!parameters.ParameterNames.Contains("tagged"))
        {
            parameters.Add("tagged", JsonSerializer.Serialize(tagged));
        }
    }

    /// <summary>Counts the rows of <paramref name="sql"/>, stopping one past the limit.</summary>
    private (int Total, bool LowerBound) Capped(SqliteConnection connection, string sql, DynamicParameters filterParameters)
    {
        var parameters = new DynamicParameters(filterParameters);
        parameters.Add("countLimit", TotalCountLimit + 1);
        var n = connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM ({sql} LIMIT @countLimit)", parameters);
        return n > TotalCountLimit ? (TotalCountLimit, true) : ((int)n, false);
    }

    /// <summary>The links rows of <paramref name="ids"/>, in that order.</summary>
    private static List<LinkRow> LoadRows(SqliteConnection connection, IReadOnlyList<long> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = connection.Query<LinkRow>($"SELECT {LinkColumns} FROM links l WHERE l.id IN @ids", new { ids }).ToDictionary(r => r.Id);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    private static string SortKey(LinkSort sort, LinkRow row) => sort switch
    {
        LinkSort.Title => row.Title,
        LinkSort.Site => row.Site,
        LinkSort.Published => row.Published,
        _ => row.CreatedAt,
    };
}
