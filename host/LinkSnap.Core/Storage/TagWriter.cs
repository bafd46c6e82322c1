using System.Data;
using System.Text.Json;
using Dapper;

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
    private readonly IDbConnection _connection;
    private readonly IDbTransaction _transaction;

    public TagWriter(IDbConnection connection, IDbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
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

    /// <summary>
    /// Tags many links created in this transaction (an import batch), one statement per table for the whole
    /// batch (decision 071): the same rows and per-link limit as <see cref="Add"/> with linkIsNew, without its
    /// statements per tag.
    /// </summary>
    public void AddToNewLinks(IReadOnlyList<(long LinkId, IReadOnlyList<string> Names)> links)
    {
        if (links.FirstOrDefault(l => l.Names.Count > TagName.MaxPerLink) is { Names: { } tooMany })
        {
            throw new ArgumentException($"{tooMany.Count} tags given; a link can carry at most {TagName.MaxPerLink}.");
        }

        var rows = links.SelectMany(l => l.Names.Select(name => new object[] { l.LinkId, name, TagName.Key(name) })).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var parameters = new { rows = JsonSerializer.Serialize(rows) };
        // In the batch's order, so the first spelling of a new tag names it, as with Add.
        _connection.Execute("INSERT OR IGNORE INTO tags (name, key) SELECT value ->> 1, value ->> 2 FROM json_each(@rows) ORDER BY key", parameters, _transaction);
        _connection.Execute(
            "INSERT OR IGNORE INTO link_tags (link_id, tag_id) SELECT j.value ->> 0, t.id FROM json_each(@rows) j JOIN tags t ON t.key = j.value ->> 2",
            parameters,
            _transaction);
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
