using System.Data;
using System.Text;
using System.Text.Json;
using Dapper;
using LinkSnap.Core.Search;

namespace LinkSnap.Core.Storage;

/// <summary>Listing and search. Plain listings page by keyset (sort value, id) so page 2,000 costs what page 1 does.</summary>
public sealed partial class LinkStore
{
    public const int MaxPageSize = 500;

    public LinkPage ListLinks(LinkListQuery query)
    {
        var limit = Math.Clamp(query.Limit, 1, MaxPageSize);
        var match = SearchQuery.ToMatchExpression(query.Text);
        if (!string.IsNullOrWhiteSpace(query.Text) && match is null)
        {
            return new LinkPage([], null, 0);
        }

        var where = new List<string>();
        var parameters = new DynamicParameters();
        using var connection = database.Open();
        if (!AddFilters(connection, query, where, parameters))
        {
            return new LinkPage([], null, 0);
        }

        var from = "FROM links l";
        if (match is not null)
        {
            from = "FROM search JOIN links l ON l.id = search.rowid";
            where.Add("search MATCH @match");
            parameters.Add("match", match);
        }

        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var total = connection.ExecuteScalar<long>($"SELECT COUNT(*) {from} {filter}", parameters);

        string sql;
        var offset = 0;
        if (match is not null)
        {
            offset = query.Cursor is null ? 0 : PageCursor.Decode(query.Cursor).Offset;
            parameters.Add("offset", offset);
            sql = $"SELECT {LinkColumns}, snippet(search, -1, char(1), char(2), '…', 24) AS snippet {from} {filter} " +
                  $"ORDER BY {SearchIndex.Rank}, l.id LIMIT @limit OFFSET @offset";
        }
        else
        {
            var (column, collate) = query.Sort switch
            {
                LinkSort.Title => ("l.title", " COLLATE NOCASE"),
                LinkSort.Site => ("l.site", ""),
                _ => ("l.created_at", ""),
            };
            var direction = query.Descending ? "DESC" : "ASC";
            if (query.Cursor is not null)
            {
                var cursor = PageCursor.Decode(query.Cursor);
                var op = query.Descending ? "<" : ">";
                where.Add($"({column}{collate} {op} @cursorKey OR ({column}{collate} = @cursorKey AND l.id {op} @cursorId))");
                parameters.Add("cursorKey", cursor.Key);
                parameters.Add("cursorId", cursor.Id);
                filter = "WHERE " + string.Join(" AND ", where);
            }

            sql = $"SELECT {LinkColumns}, {column} AS sort_key {from} {filter} ORDER BY {column}{collate} {direction}, l.id {direction} LIMIT @limit";
        }

        parameters.Add("limit", limit + 1);
        var rows = connection.Query<LinkRow>(sql, parameters).ToList();
        var hasMore = rows.Count > limit;
        rows = rows.Take(limit).ToList();
        foreach (var row in rows.Where(r => r.Snippet is not null))
        {
            row.Snippet = SearchSnippet.ToHtml(row.Snippet!);
        }

        string? next = null;
        if (hasMore)
        {
            var last = rows[^1];
            next = match is not null
                ? PageCursor.Encode(new PageCursor { Offset = offset + limit })
                : PageCursor.Encode(new PageCursor { Key = SortKey(query.Sort, last), Id = last.Id });
        }

        return new LinkPage(rows.Count == 0 ? [] : Hydrate(connection, rows), next, (int)total);
    }

    private static string SortKey(LinkSort sort, LinkRow row) => sort switch
    {
        LinkSort.Title => row.Title,
        LinkSort.Site => row.Site,
        _ => row.CreatedAt,
    };

    /// <summary>Adds the WHERE clauses of the filters; false when a filter can match nothing (an unknown tag with "and").</summary>
    private static bool AddFilters(IDbConnection connection, LinkListQuery query, List<string> where, DynamicParameters parameters)
    {
        // Tags are resolved to ids first (the tags table is small), so the filter is an IN over the
        // link_tags index instead of a per-link join: cheap for counts over 100,000 links.
        var tagIds = new List<long[]>();
        foreach (var key in TagName.NormalizeAll(query.Tags).Select(TagName.Key))
        {
            var ids = connection.Query<long>(
                "SELECT id FROM tags WHERE key = @key OR key LIKE @children ESCAPE '\\'",
                new { key, children = EscapeLike(key) + "/%" }).ToArray();
            if (ids.Length == 0 && query.MatchAllTags)
            {
                return false;
            }

            tagIds.Add(ids);
        }

        if (tagIds.Count > 0)
        {
            // "and": one IN per tag; "or": one IN over all of them.
            var groups = query.MatchAllTags ? tagIds : [[.. tagIds.SelectMany(ids => ids)]];
            if (groups.Any(ids => ids.Length == 0))
            {
                return false;
            }

            for (var i = 0; i < groups.Count; i++)
            {
                where.Add($"l.id IN (SELECT link_id FROM link_tags WHERE tag_id IN @tagIds{i})");
                parameters.Add("tagIds" + i, groups[i].Distinct().ToArray());
            }
        }

        if (!string.IsNullOrWhiteSpace(query.Site))
        {
            var site = query.Site.Trim().ToLowerInvariant();
            where.Add("l.site = @site");
            parameters.Add("site", site.StartsWith("www.", StringComparison.Ordinal) ? site[4..] : site);
        }

        if (query.From is { } fromTime)
        {
            where.Add("l.created_at >= @fromTime");
            parameters.Add("fromTime", StorageText.Time(fromTime));
        }

        if (query.To is { } toTime)
        {
            where.Add("l.created_at < @toTime");
            parameters.Add("toTime", StorageText.Time(toTime));
        }

        if (query.Status is { } status)
        {
            where.Add("l.latest_status = @status"); // kept by triggers (migration 002)
            parameters.Add("status", StorageText.Status(status));
        }

        return true;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>Opaque page position: (sort key, id) for listings, an offset for ranked search.</summary>
    private sealed class PageCursor
    {
        public string? Key { get; set; }
        public long Id { get; set; }
        public int Offset { get; set; }

        public static string Encode(PageCursor cursor) =>
            Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(cursor)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static PageCursor Decode(string text)
        {
            try
            {
                var base64 = text.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                return JsonSerializer.Deserialize<PageCursor>(Encoding.UTF8.GetString(Convert.FromBase64String(base64))) ?? throw new FormatException();
            }
            catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
            {
                throw new ArgumentException("The cursor is not one this server handed out; start again from the first page.");
            }
        }
    }
}
