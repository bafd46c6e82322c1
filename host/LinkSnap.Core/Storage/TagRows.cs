using System.Data;
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

    /// <summary>A tag no link carries any more is gone.</summary>
    public static void DeleteOrphans(IDbConnection connection, IDbTransaction transaction) =>
        connection.Execute("DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM link_tags lt WHERE lt.tag_id = tags.id)", transaction: transaction);
}
