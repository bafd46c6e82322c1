using System.Data;
using Dapper;

namespace LinkSnap.Core.Storage;

/// <summary>The tag writes every store shares (capture, edit, add, bulk, merge, import).</summary>
internal static class TagRows
{
    /// <summary>One link's tags through the one <see cref="TagWriter"/> (a batch keeps its own writer instead).</summary>
    public static void Add(IDbConnection connection, IDbTransaction transaction, long linkId, IReadOnlyList<string> names)
    {
        using var writer = new TagWriter(connection, transaction);
        writer.Add(linkId, names);
    }

    /// <summary>A tag no link carries any more is gone.</summary>
    public static void DeleteOrphans(IDbConnection connection, IDbTransaction transaction) =>
        connection.Execute("DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM link_tags lt WHERE lt.tag_id = tags.id)", transaction: transaction);
}
