using System.Data;

namespace LinkSnap.Core.Storage;

/// <summary>
/// The one writer of a link's tag rows (capture, edit, add, bulk, merge, import all end here), so the
/// per-link limit holds for every path; a refusal throws and rolls the caller's transaction back.
/// Its statements are prepared once and a tag's id is looked up once per writer, so a batch (an import)
/// keeps one writer for all its links.
/// </summary>
internal sealed class TagWriter : IDisposable
{
    private readonly Dictionary<string, long> _tagIds = new(StringComparer.Ordinal);
    private readonly PreparedStatement _insertTag;
    private readonly PreparedStatement _findTag;
    private readonly PreparedStatement _tagLink;
    private readonly PreparedStatement _countLinkTags;

    public TagWriter(IDbConnection connection, IDbTransaction transaction)
    {
        _insertTag = new(connection, transaction, "INSERT OR IGNORE INTO tags (name, key) VALUES ($name, $key)", "$name", "$key");
        _findTag = new(connection, transaction, "SELECT id FROM tags WHERE key = $key", "$key");
        _tagLink = new(connection, transaction, "INSERT OR IGNORE INTO link_tags (link_id, tag_id) VALUES ($linkId, $tagId)", "$linkId", "$tagId");
        _countLinkTags = new(connection, transaction, "SELECT COUNT(*) FROM link_tags WHERE link_id = $linkId", "$linkId");
    }

    /// <summary>
    /// Gives the link these (normalized) tags on top of those it has. <paramref name="linkIsNew"/> skips the
    /// recount: a link created in this transaction carries only the tags given here, already checked.
    /// </summary>
    public void Add(long linkId, IReadOnlyList<string> names, bool linkIsNew = false)
    {
        if (names.Count > TagName.MaxPerLink)
        {
            throw new ArgumentException($"{names.Count} tags given; a link can carry at most {TagName.MaxPerLink}.");
        }

        foreach (var name in names)
        {
            _tagLink.Execute(linkId, TagId(name));
        }

        if (linkIsNew || names.Count == 0)
        {
            return;
        }

        var count = _countLinkTags.Scalar(linkId);
        if (count > TagName.MaxPerLink)
        {
            throw new ArgumentException($"Link {linkId} would carry {count} tags; a link can carry at most {TagName.MaxPerLink}. Remove some first.");
        }
    }

    private long TagId(string name)
    {
        var key = TagName.Key(name);
        if (!_tagIds.TryGetValue(key, out var id))
        {
            _insertTag.Execute(name, key);
            _tagIds[key] = id = _findTag.Scalar(key);
        }

        return id;
    }

    public void Dispose()
    {
        foreach (var statement in new[] { _insertTag, _findTag, _tagLink, _countLinkTags })
        {
            statement.Dispose();
        }
    }
}
