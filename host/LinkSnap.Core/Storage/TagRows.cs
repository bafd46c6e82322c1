using System.Data;
using System.Text.Json;
using Dapper;

namespace LinkSnap.Core.Storage;

/// <summary>The tag writes every store shares (capture, edit, add, bulk, merge, import).</summary>
internal static class TagRows
{
    /// <summary>
    /// Every path that gives a link tags (capture, edit, add, bulk, import) ends here, so the per-link
    /// limit holds for all of them; a refusal rolls the caller's transaction back.
    /// </summary>
    public static void Add(IDbConnection connection, IDbTransaction transaction, long linkId, IReadOnlyList<string> names)
    {
        if (names.Count > TagName.MaxPerLink)
        {
            throw new ArgumentException($"{names.Count} tags given; a link can carry at most {TagName.MaxPerLink}.");
        }

        foreach (var name in names)
        {
            var key = TagName.Key(name);
            connection.Execute("INSERT OR IGNORE INTO tags (name, key) VALUES (@name, @key)", new { name, key }, transaction);
            connection.Execute(
                "INSERT OR IGNORE INTO link_tags (link_id, tag_id) SELECT @linkId, id FROM tags WHERE key = @key",
                new { linkId, key },
                transaction);
        }

        var count = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM link_tags WHERE link_id = @linkId", new { linkId }, transaction);
        if (names.Count > 0 && count > TagName.MaxPerLink)
        {
            throw new ArgumentException($"Link {linkId} would carry {count} tags; a link can carry at most {TagName.MaxPerLink}. Remove some first.");
        }
    }

    /// <summary>
    /// Tags many links that have none yet (an import batch), one statement per table for the whole batch:
    /// the same rows and per-link limit as <see cref="Add"/>, without its per-link statements.
    /// </summary>
    public static void AddToNewLinks(IDbConnection connection, IDbTransaction transaction, IReadOnlyList<(long LinkId, IReadOnlyList<string> Names)> links)
    {
        if (links.FirstOrDefault(l => l.Names.Count > TagName.MaxPerLink) is { Names: { } tooMany })
        {
            throw new ArgumentException($"{tooMany.Count} tags given; a link can carry at most {TagName.MaxPerLink}.");
        }

        var pairs = links.SelectMany(l => l.Names.Select(name => new object[] { l.LinkId, name, TagName.Key(name) })).ToList();
        if (pairs.Count == 0)
        {
            return;
        }

        var rows = JsonSerializer.Serialize(pairs);
        // The first spelling of a new tag in the batch names it, as the first Add would.
        connection.Execute(
            "INSERT OR IGNORE INTO tags (name, key) SELECT value ->> 1, value ->> 2 FROM json_each(@rows) ORDER BY key",
            new { rows },
            transaction);
        connection.Execute(
            "INSERT OR IGNORE INTO link_tags (link_id, tag_id) SELECT j.value ->> 0, t.id FROM json_each(@rows) j JOIN tags t ON t.key = j.value ->> 2",
            new { rows },
            transaction);
    }

    /// <summary>A tag no link carries any more is gone.</summary>
    public static void DeleteOrphans(IDbConnection connection, IDbTransaction transaction) =>
        connection.Execute("DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM link_tags lt WHERE lt.tag_id = tags.id)", transaction: transaction);
}
