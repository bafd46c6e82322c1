using System.Data;
using System.Globalization;
using System.Text.Json;
using Dapper;
using LinkSnap.Core.Search;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Export;

/// <summary>
/// Writes the rows of an export's links back as they were: every property is turned back into its
/// column (<see cref="ExportColumns"/>), ids included, so the restored tables equal the exported
/// ones; tags are filed by name and the search index is rebuilt from each link's latest text. A link's watch
/// and the library's settings (tags watched as a whole, default tags) come back row for row the same way.
/// </summary>
internal sealed class ArchiveRows
{
    private readonly IDbConnection _connection;
    private readonly IDbTransaction _transaction;
    private readonly string _staging;
    private readonly Dictionary<string, string> _linkColumns;
    private readonly Dictionary<string, string> _snapshotColumns;
    private readonly Dictionary<string, string> _watchColumns;
    private readonly HashSet<string> _uncarried;

    public ArchiveRows(IDbConnection connection, IDbTransaction transaction, string staging)
    {
        _connection = connection;
        _transaction = transaction;
        _staging = staging;
        _linkColumns = ColumnsByProperty("links", transaction);
        _snapshotColumns = ColumnsByProperty("snapshots", transaction);
        _watchColumns = ColumnsByProperty("watches", transaction);

        // References to tables an archive does not carry (the import that queued a capture) cannot
        // point anywhere in the new library: they are restored empty rather than failing the restore.
        _uncarried = connection.Query<string>(
                "SELECT \"from\" FROM pragma_foreign_key_list('snapshots') WHERE \"table\" NOT IN ('links', 'snapshots', 'tags')", transaction: transaction)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Inserts one link with its tags and snapshots; returns the number of snapshots.</summary>
    public int InsertLink(JsonElement link)
    {
        var id = link.TryGetProperty("id", out var idValue) && idValue.TryGetInt64(out var parsed)
            ? parsed
            : throw new FormatException("a link has no id.");
        try
        {
            Insert("links", _linkColumns, link, ["tags", "snapshots", "watch"], null);
            var tags = link.TryGetProperty("tags", out var tagList) ? tagList.EnumerateArray().Select(t => t.GetString()!).ToList() : [];
            foreach (var tag in tags)
            {
                var name = TagName.Normalize(tag);
                var key = TagName.Key(name);
                _connection.Execute("INSERT OR IGNORE INTO tags (name, key) VALUES (@name, @key)", new { name, key }, _transaction);
                _connection.Execute("INSERT INTO link_tags (link_id, tag_id) SELECT @id, id FROM tags WHERE key = @key", new { id, key }, _transaction);
            }

            string? body = null;
            var count = 0;
            foreach (var snapshot in link.TryGetProperty("snapshots", out var list) ? list.EnumerateArray() : default)
            {
                Insert("snapshots", _snapshotColumns, snapshot, [], id);
                body = SearchText(snapshot) ?? body;
                count++;
            }

            if (link.TryGetProperty("watch", out var watch) && watch.ValueKind == JsonValueKind.Object)
            {
                Insert("watches", _watchColumns, watch, [], id);
            }

            SearchIndex.Update(_connection, _transaction, id, body);
            return count;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new FormatException($"link {id.ToString(CultureInfo.InvariantCulture)}: {e.Message}", e);
        }
    }

    /// <summary>The tags watched as a whole and the default tags of the document (absent in archives from before they were carried).</summary>
    public void InsertSettings(JsonElement document)
    {
        foreach (var (property, table) in new[] { (LibrarySettings.TagWatchesProperty, "tag_watches"), (LibrarySettings.DefaultTagsProperty, "default_tags") })
        {
            if (!document.TryGetProperty(property, out var rows) || rows.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var columns = ColumnsByProperty(table, _transaction);
            foreach (var row in rows.EnumerateArray())
            {
                try
                {
                    Insert(table, columns, row, [], null);
                }
                catch (Exception e) when (e is FormatException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
                {
                    throw new FormatException($"{property}: {e.Message}", e);
                }
            }
        }
    }

    private void Insert(string table, Dictionary<string, string> columns, JsonElement row, string[] nested, long? linkId)
    {
        var parameters = new DynamicParameters();
        var names = new List<string>();
        foreach (var property in row.EnumerateObject())
        {
            if (nested.Contains(property.Name))
            {
                continue;
            }

            var column = columns.GetValueOrDefault(property.Name)
                ?? throw new FormatException($"unknown field '{property.Name}' (an archive from a newer LinkSnap?)");
            parameters.Add("p" + names.Count, _uncarried.Contains(column) && table == "snapshots" ? null : ExportColumns.Read(column, property.Value));
            names.Add(column);
        }

        if (linkId is not null)
        {
            parameters.Add("p" + names.Count, linkId);
            names.Add("link_id");
        }

        _connection.Execute(
            $"INSERT INTO {table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => "@p" + i))})",
            parameters,
            _transaction);
    }

    /// <summary>The page text a finished snapshot kept for the index (as reindex reads it).</summary>
    private string? SearchText(JsonElement snapshot)
    {
        var status = snapshot.TryGetProperty("status", out var s) ? s.GetString() : null;
        if (status is not ("done" or "partial") || !snapshot.TryGetProperty("folder", out var folder) || folder.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var file = Path.Combine(_staging, folder.GetString()!, SnapshotFolders.SearchTextFileName);
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    private Dictionary<string, string> ColumnsByProperty(string table, IDbTransaction transaction) =>
        ExportReader.TableColumns(_connection, table, transaction)
            .Where(c => c != "link_id" && !ExportReader.DerivedLinkColumns.Contains(c))
            .ToDictionary(ExportColumns.PropertyName, c => c, StringComparer.Ordinal);
}
