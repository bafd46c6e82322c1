using System.Data;
using Dapper;
using LinkSnap.Core.Scheduling;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Watching;

/// <summary>
/// A tag watch follows its tag: renamed or merged, the tag keeps being watched under its new name (the
/// links' watches keep their due times); deleted, its watch ends. Called by LinkStore inside the tag
/// edit's transaction, so a tag and its watch never disagree.
/// </summary>
public sealed partial class WatchStore
{
    /// <summary>
    /// The <paramref name="sourceKeys"/> tags were merged into <paramref name="targetKey"/>: the target is
    /// watched as often as the most frequent of them (its own watch, if any, counts too).
    /// </summary>
    public static void FollowTagMerge(IDbConnection connection, IDbTransaction transaction, IReadOnlyCollection<string> sourceKeys, string targetKey, string targetName)
    {
        var periods = connection.Query<string>(
                "SELECT period FROM tag_watches WHERE tag_key IN @sourceKeys OR tag_key = @targetKey", new { sourceKeys, targetKey }, transaction)
            .Select(SchedulePeriods.Parse)
            .ToList();
        if (periods.Count == 0)
        {
            return;
        }

        var period = periods.Min().ToName(); // Hourly < Daily < Weekly < Monthly: the most frequent wins
        connection.Execute("DELETE FROM tag_watches WHERE tag_key IN @sourceKeys", new { sourceKeys }, transaction);
        connection.Execute(
            "INSERT INTO tag_watches (tag_key, tag_name, period) VALUES (@targetKey, COALESCE((SELECT name FROM tags WHERE key = @targetKey), @targetName), @period) ON CONFLICT (tag_key) DO UPDATE SET tag_name = excluded.tag_name, period = excluded.period",
            new { targetKey, targetName, period },
            transaction);
        connection.Execute(
            "UPDATE watches SET source = @targetKey, period = @period WHERE source IN @sourceKeys OR source = @targetKey",
            new { targetKey, period, sourceKeys },
            transaction);
    }

    /// <summary>
    /// A subtree rename ("nlp" → "ml/nlp") for watched tags no link carries as such (a folder: links are
    /// tagged "nlp/x" only); those that are tags followed through <see cref="FollowTagMerge"/> already.
    /// </summary>
    public void FollowRename(string source, string target)
    {
        var sourceKey = TagName.Key(source);
        using (var connection = database.Open())
        {
            using var transaction = connection.BeginTransaction();
            var moved = connection.Query<(string Key, string Name)>(
                "SELECT tag_key, tag_name FROM tag_watches WHERE tag_key = @sourceKey OR substr(tag_key, 1, length(@prefix)) = @prefix",
                new { sourceKey, prefix = sourceKey + "/" },
                transaction).ToList();
            if (moved.Count == 0)
            {
                return;
            }

            foreach (var (key, name) in moved)
            {
                var renamed = TagName.Normalize(target + name[source.Length..]);
                FollowTagMerge(connection, transaction, [key], TagName.Key(renamed), renamed);
            }

            transaction.Commit();
        }

        LibrarySettingsFile.Save(database);
    }

    /// <summary>The tag <paramref name="key"/> was deleted: its watch ends, and so do the watches of the links it covered.</summary>
    public static void ForgetTag(IDbConnection connection, IDbTransaction transaction, string key)
    {
        connection.Execute("DELETE FROM tag_watches WHERE tag_key = @key", new { key }, transaction);
        connection.Execute("DELETE FROM watches WHERE source = @key", new { key }, transaction);
    }
}
