using System.Data;
using Dapper;
using LinkSnap.Core.Search;
using LinkSnap.Core.Snapshots;

namespace LinkSnap.Core.Storage;

/// <summary>Tags: giving and taking them from a link, listing, renaming (with their subtree), merging, deleting.</summary>
public sealed class TagStore(LinkSnapDatabase database, TimeProvider time)
{
    private string Now() => StorageText.Time(time.GetUtcNow());

    /// <summary>Adds tags to a link; returns false when the link does not exist.</summary>
    public bool AddTags(long linkId, IEnumerable<string> tags)
    {
        var names = TagName.NormalizeAll(tags);
        return EditLinkTags(linkId, (connection, transaction) => TagRows.Add(connection, transaction, linkId, names));
    }

    /// <summary>Removes one tag from a link; returns false when the link does not exist.</summary>
    public bool RemoveTag(long linkId, string tag)
    {
        var key = TagName.Key(TagName.Normalize(tag));
        return EditLinkTags(linkId, (connection, transaction) =>
        {
            connection.Execute(
                "DELETE FROM link_tags WHERE link_id = @linkId AND tag_id IN (SELECT id FROM tags WHERE key = @key)",
                new { linkId, key },
                transaction);
            TagRows.DeleteOrphans(connection, transaction);
        });
    }

    /// <summary>Links carrying a tag (by its case-insensitive identity); empty for an unknown or invalid tag.</summary>
    public IReadOnlyList<long> FindLinkIdsWithTag(string tag)
    {
        string key;
        try
        {
            key = TagName.Key(TagName.Normalize(tag));
        }
        catch (ArgumentException)
        {
            return [];
        }

        using var connection = database.Open();
        return connection.Query<long>(
            "SELECT lt.link_id FROM link_tags lt JOIN tags t ON t.id = lt.tag_id WHERE t.key = @key", new { key }).ToList();
    }

    public IReadOnlyList<TagCount> ListTags()
    {
        using var connection = database.Open();
        return connection.Query<(string Name, long Count)>(
                "SELECT t.name, (SELECT COUNT(*) FROM link_tags lt WHERE lt.tag_id = t.id) FROM tags t ORDER BY t.key")
            .Select(t => new TagCount(t.Name, (int)t.Count))
            .ToList();
    }

    /// <summary>
    /// The most used tags whose name starts with <paramref name="prefix"/> (case-insensitive, by the tag
    /// key), for the extension's tag suggestions: a range seek on the key's unique index, so a library
    /// with many tags is not read whole for each keystroke.
    /// </summary>
    public IReadOnlyList<TagCount> SuggestTags(string prefix, int limit)
    {
        using var connection = database.Open();
        return connection.Query<(string Name, long Count)>(SuggestTagsQuery, SuggestTagsRange(prefix, limit))
            .Select(t => new TagCount(t.Name, (int)t.Count))
            .ToList();
    }

    /// <summary>Keys from the prefix's key up to it followed by the highest code point: every key that starts with it.</summary>
    internal const string SuggestTagsQuery =
        "SELECT t.name, (SELECT COUNT(*) FROM link_tags lt WHERE lt.tag_id = t.id) AS uses FROM tags t " +
        "WHERE t.key >= @from AND t.key < @to ORDER BY uses DESC, t.key LIMIT @limit";

    internal static object SuggestTagsRange(string prefix, int limit)
    {
        var from = TagName.Key(prefix.Trim());
        return new { from, to = from + char.ConvertFromUtf32(0x10FFFF), limit };
    }

    /// <summary>
    /// Renames a tag and its whole subtree, keeping their links: "nlp" → "ml/nlp" also moves
    /// "nlp/interpretability" to "ml/nlp/interpretability". A name that exists already is merged into
    /// (the library asks first). A folder that is not itself a tag can be renamed too. Returns the
    /// links affected, or -1 if neither the tag nor anything under it exists.
    /// </summary>
    public int RenameTag(string from, string to)
    {
        var source = TagName.Normalize(from);
        var target = TagName.Normalize(to);
        var sourceKey = TagName.Key(source);
        if (TagName.Key(target).StartsWith(sourceKey + "/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Tag '{source}' cannot be moved under itself ('{target}').");
        }

        var subtree = TagSubtree(source);
        if (subtree.Count == 0)
        {
            return -1;
        }

        // Every new name is checked (length, levels) before anything changes.
        var moves = subtree.Select(name => (From: name, To: TagName.Normalize(target + name[source.Length..]))).ToList();
        var links = subtree.SelectMany(FindLinkIdsWithTag).Distinct().Count();
        foreach (var (old, renamed) in moves)
        {
            MergeTags([old], renamed);
        }

        new Watching.WatchStore(database, time).FollowRename(source, target);
        new DefaultTagStore(database).FollowRename(source, target);
        return links;
    }

    /// <summary>The tag (when it exists) and every tag under it ("nlp", "nlp/interpretability", …), as stored.</summary>
    public IReadOnlyList<string> TagSubtree(string name)
    {
        var key = TagName.Key(TagName.Normalize(name));
        using var connection = database.Open();
        return connection.Query<string>(
            "SELECT name FROM tags WHERE key = @key OR substr(key, 1, length(@prefix)) = @prefix ORDER BY length(key)",
            new { key, prefix = key + "/" }).ToList();
    }

    /// <summary>Moves every link of the <paramref name="from"/> tags to <paramref name="into"/>. Returns links affected, or -1 if none of the tags exists.</summary>
    public int MergeTags(IEnumerable<string> from, string into)
    {
        var target = TagName.Normalize(into);
        var sourceKeys = TagName.NormalizeAll(from).Select(TagName.Key).ToArray();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var sources = connection.Query<long>("SELECT id FROM tags WHERE key IN @sourceKeys", new { sourceKeys }, transaction).ToArray();
        if (sources.Length == 0)
        {
            return -1;
        }

        var links = connection.Query<long>(
            "SELECT DISTINCT link_id FROM link_tags WHERE tag_id IN @sources", new { sources }, transaction).ToArray();
        var targetKey = TagName.Key(target);
        var targetId = connection.QuerySingleOrDefault<long?>("SELECT id FROM tags WHERE key = @targetKey", new { targetKey }, transaction);
        if (targetId is { } existing && sources.Contains(existing))
        {
            // Renaming to another spelling of the same tag (a case change) keeps the row with the new name.
            connection.Execute("UPDATE tags SET name = @target WHERE id = @existing", new { target, existing }, transaction);
        }

        targetId ??= connection.ExecuteScalar<long>(
            "INSERT INTO tags (name, key) VALUES (@target, @targetKey) RETURNING id", new { target, targetKey }, transaction);
        connection.Execute(
            "INSERT OR IGNORE INTO link_tags (link_id, tag_id) SELECT link_id, @targetId FROM link_tags WHERE tag_id IN @sources",
            new { targetId, sources },
            transaction);
        connection.Execute("DELETE FROM link_tags WHERE tag_id IN @sources AND tag_id <> @targetId", new { sources, targetId }, transaction);
        Watching.WatchStore.FollowTagMerge(connection, transaction, sourceKeys, targetKey, target);
        DefaultTagStore.FollowTagMerge(connection, transaction, sourceKeys, targetKey, target);
        TagRows.DeleteOrphans(connection, transaction);
        foreach (var linkId in links)
        {
            LinkRows.Touch(connection, transaction, linkId, Now());
            SearchIndex.Update(connection, transaction, linkId);
        }

        transaction.Commit();
        LibrarySettingsFile.Save(database); // the merge renamed tag watches and default tags with it
        return links.Length;
    }

    /// <summary>Deletes a tag; throws <see cref="TagInUseException"/> when links carry it and <paramref name="force"/> is false. False when unknown.</summary>
    public bool DeleteTag(string name, bool force)
    {
        var key = TagName.Key(TagName.Normalize(name));
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var tag = connection.QuerySingleOrDefault<(long Id, string Name)>("SELECT id, name FROM tags WHERE key = @key", new { key }, transaction);
        if (tag.Id == 0)
        {
            return false;
        }

        var links = connection.Query<long>("SELECT link_id FROM link_tags WHERE tag_id = @id", new { id = tag.Id }, transaction).ToArray();
        if (links.Length > 0 && !force)
        {
            throw new TagInUseException(tag.Name, links.Length);
        }

        connection.Execute("DELETE FROM tags WHERE id = @id", new { id = tag.Id }, transaction);
        Watching.WatchStore.ForgetTag(connection, transaction, key);
        DefaultTagStore.ForgetTag(connection, transaction, key);
        foreach (var linkId in links)
        {
            LinkRows.Touch(connection, transaction, linkId, Now());
            SearchIndex.Update(connection, transaction, linkId);
        }

        transaction.Commit();
        LibrarySettingsFile.Save(database); // the delete ended the tag's watch and default
        return true;
    }

    private bool EditLinkTags(long linkId, Action<IDbConnection, IDbTransaction> edit)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        if (!LinkRows.Exists(connection, transaction, linkId))
        {
            return false;
        }

        edit(connection, transaction);
        LinkRows.Touch(connection, transaction, linkId, Now());
        SearchIndex.Update(connection, transaction, linkId);
        transaction.Commit();
        return true;
    }
}
