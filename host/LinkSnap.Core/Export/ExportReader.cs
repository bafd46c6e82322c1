using Dapper;
using LinkSnap.Core.Search;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Export;

/// <summary>
/// Walks the selected links with one streaming query (never the whole selection in memory) and adds
/// the tags and snapshot rows of each batch of links with two more queries.
/// </summary>
public sealed class ExportReader(LinkSnapDatabase database)
{
    private const int BatchSize = 500;

    /// <summary>Columns that triggers keep (migration 002): not exported, rebuilt on a restore.</summary>
    internal static readonly IReadOnlySet<string> DerivedLinkColumns = new HashSet<string>(StringComparer.Ordinal) { "latest_status" };

    /// <summary>The stored columns of the links table that an export carries, in table order.</summary>
    public IReadOnlyList<string> LinkColumns()
    {
        using var connection = database.Open();
        return TableColumns(connection, "links").Where(c => !DerivedLinkColumns.Contains(c)).ToList();
    }

    internal static List<string> TableColumns(System.Data.IDbConnection connection, string table, System.Data.IDbTransaction? transaction = null) =>
        connection.Query<string>($"SELECT name FROM pragma_table_info('{table}') ORDER BY cid", transaction: transaction).ToList();

    /// <summary>
    /// The selected links by id, or with <paramref name="byFolder"/> grouped by folder (the link's
    /// first tag, parents before their children, untagged links first) for a bookmark file.
    /// </summary>
    public IEnumerable<ExportLink> Read(ExportSelection selection, bool byFolder = false)
    {
        using var walk = database.Open();
        using var details = database.Open();
        var filter = LinkFilter.Build(walk, selection.Filter);
        var clauses = filter.Clauses();
        var parameters = new DynamicParameters(filter.Parameters);
        var match = SearchQuery.ToMatchExpression(selection.Filter.Text);
        if (filter.MatchesNothing || (!string.IsNullOrWhiteSpace(selection.Filter.Text) && match is null))
        {
            yield break;
        }

        if (match is not null)
        {
            clauses.Add("l.id IN (SELECT rowid FROM search WHERE search MATCH @match)");
            parameters.Add("match", match);
        }

        if (selection.LinkIds is { } ids)
        {
            clauses.Add("l.id IN (SELECT value FROM json_each(@ids))");
            parameters.Add("ids", System.Text.Json.JsonSerializer.Serialize(ids));
        }

        // '/' sorts as char(1) so that a folder's subfolders follow it before any sibling such as "a-b".
        var folder = "(SELECT t.name FROM link_tags lt JOIN tags t ON t.id = lt.tag_id WHERE lt.link_id = l.id ORDER BY replace(t.key, '/', char(1)) LIMIT 1)";
        var sql = byFolder
            ? $"SELECT l.*, {folder} AS export_folder FROM links l {LinkFilter.Where(clauses)} ORDER BY replace(coalesce(export_folder, ''), '/', char(1)), l.id"
            : $"SELECT l.* FROM links l {LinkFilter.Where(clauses)} ORDER BY l.id";
        var batch = new List<Dictionary<string, object?>>(BatchSize);
        foreach (IDictionary<string, object?> row in walk.Query(sql, parameters, buffered: false))
        {
            batch.Add(new Dictionary<string, object?>(row.Where(c => !DerivedLinkColumns.Contains(c.Key)), StringComparer.Ordinal));
            if (batch.Count == BatchSize)
            {
                foreach (var link in Complete(details, batch))
                {
                    yield return link;
                }

                batch.Clear();
            }
        }

        foreach (var link in Complete(details, batch))
        {
            yield return link;
        }
    }

    private static List<ExportLink> Complete(System.Data.IDbConnection connection, List<Dictionary<string, object?>> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => (long)r["id"]!).ToArray();
        var tags = connection.Query<(long LinkId, string Name)>(
                "SELECT lt.link_id, t.name FROM link_tags lt JOIN tags t ON t.id = lt.tag_id WHERE lt.link_id IN @ids ORDER BY t.key", new { ids })
            .ToLookup(t => t.LinkId, t => t.Name);
        var snapshots = connection.Query("SELECT * FROM snapshots WHERE link_id IN @ids ORDER BY id", new { ids })
            .Cast<IDictionary<string, object?>>()
            .ToLookup(s => (long)s["link_id"]!, s => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(s.Where(c => c.Key != "link_id"), StringComparer.Ordinal));
        var watches = connection.Query("SELECT * FROM watches WHERE link_id IN @ids", new { ids })
            .Cast<IDictionary<string, object?>>()
            .ToDictionary(w => (long)w["link_id"]!, w => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(w.Where(c => c.Key != "link_id"), StringComparer.Ordinal));
        return rows.Select(row =>
        {
            var id = (long)row["id"]!;
            row.Remove("export_folder", out var folder);
            return new ExportLink(row, [.. tags[id]], [.. snapshots[id]], folder as string, watches.GetValueOrDefault(id));
        }).ToList();
    }

    /// <summary>
    /// The library's own settings that name tags rather than links: whole tags watched (tag_watches) and the
    /// default tags, every column of their rows. Few rows, read at once.
    /// </summary>
    public LibrarySettings Settings()
    {
        using var connection = database.Open();
        static List<IReadOnlyDictionary<string, object?>> Rows(System.Data.IDbConnection connection, string sql) =>
            [.. connection.Query(sql).Cast<IDictionary<string, object?>>().Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(r, StringComparer.Ordinal))];
        return new LibrarySettings(
            Rows(connection, "SELECT * FROM tag_watches ORDER BY tag_key"),
            Rows(connection, "SELECT * FROM default_tags ORDER BY position"));
    }
}
