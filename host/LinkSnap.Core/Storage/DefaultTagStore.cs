using System.Data;
using Dapper;
using LinkSnap.Core.Snapshots;

namespace LinkSnap.Core.Storage;

/// <summary>
/// The default tags, in the order the person gave them. A tag renamed or merged in the library is
/// renamed here in the same transaction (<see cref="FollowTagMerge"/>), and one deleted is dropped from
/// them (<see cref="ForgetTag"/>), so the defaults never name a tag that no longer exists under that name.
/// </summary>
public sealed class DefaultTagStore(LinkSnapDatabase database)
{
    public IReadOnlyList<string> Get()
    {
        using var connection = database.Open();
        return Read(connection, transaction: null);
    }

    /// <summary>Replaces the defaults (normalized like a link's tags; duplicates dropped); returns them as stored.</summary>
    public IReadOnlyList<string> Set(IEnumerable<string> tags)
    {
        var names = TagName.NormalizeAll(tags);
        if (names.Count > TagName.MaxPerLink)
        {
            throw new ArgumentException($"At most {TagName.MaxPerLink} default tags.");
        }

        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        Write(connection, transaction, names);
        transaction.Commit();
        LibrarySettingsFile.Save(database);
        return names;
    }

    /// <summary>
    /// The <paramref name="sourceKeys"/> tags became <paramref name="targetName"/> (a merge, or one step of a
    /// subtree rename): a default among them now names the target, once, where the first of them stood.
    /// </summary>
    public static void FollowTagMerge(IDbConnection connection, IDbTransaction transaction, IReadOnlyCollection<string> sourceKeys, string targetKey, string targetName)
    {
        var defaults = Read(connection, transaction);
        if (!defaults.Any(d => sourceKeys.Contains(TagName.Key(d))))
        {
            return;
        }

        var renamed = defaults.Select(d => sourceKeys.Contains(TagName.Key(d)) || TagName.Key(d) == targetKey ? targetName : d);
        Write(connection, transaction, TagName.NormalizeAll(renamed));
    }

    /// <summary>
    /// The tag with <paramref name="key"/> was deleted from the library: it stops being a default, in the delete's
    /// transaction, so the next shortcut capture does not bring it back. Tags under it are tags of their own and stay.
    /// </summary>
    public static void ForgetTag(IDbConnection connection, IDbTransaction transaction, string key)
    {
        var defaults = Read(connection, transaction);
        if (defaults.Any(d => TagName.Key(d) == key))
        {
            Write(connection, transaction, defaults.Where(d => TagName.Key(d) != key).ToList());
        }
    }

    /// <summary>
    /// A subtree rename ("nlp" → "ml/nlp") for defaults no link carries yet (those that are tags follow
    /// through <see cref="FollowTagMerge"/>): "nlp/x" becomes "ml/nlp/x" too.
    /// </summary>
    public void FollowRename(string source, string target)
    {
        var sourceKey = TagName.Key(source);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var defaults = Read(connection, transaction);
        var moved = defaults.Select(d =>
        {
            var key = TagName.Key(d);
            return key == sourceKey || key.StartsWith(sourceKey + "/", StringComparison.Ordinal) ? TagName.Normalize(target + d[source.Length..]) : d;
        }).ToList();
        if (!moved.SequenceEqual(defaults))
        {
            Write(connection, transaction, TagName.NormalizeAll(moved));
        }

        transaction.Commit();
        LibrarySettingsFile.Save(database);
    }

    private static List<string> Read(IDbConnection connection, IDbTransaction? transaction) =>
        connection.Query<string>("SELECT tag_name FROM default_tags ORDER BY position", transaction: transaction).ToList();

    private static void Write(IDbConnection connection, IDbTransaction transaction, IReadOnlyList<string> names)
    {
        connection.Execute("DELETE FROM default_tags", transaction: transaction);
        connection.Execute(
            "INSERT INTO default_tags (tag_key, tag_name, position) VALUES (@key, @name, @position)",
            names.Select((name, position) => new { key = TagName.Key(name), name, position }),
            transaction);
    }
}
