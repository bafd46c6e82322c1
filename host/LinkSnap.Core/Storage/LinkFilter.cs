using System.Data;
using Dapper;
using LinkSnap.Core.Health;

namespace LinkSnap.Core.Storage;

/// <summary>
/// The filters of one listing as SQL: clauses on the links row (alias l) and tag groups. Tags are
/// resolved to ids first (the tags table is small); a tag also stands for its children. "and" gives
/// one group per tag, "or" a single group; a link matches a group when it carries any tag of it.
/// Tag groups are tested per link (EXISTS on the link_tags primary key) when a listing walks links in
/// its sort order and stops after a page (common tags, search); rare tags start from the matching
/// ids that <see cref="TagLinkSets"/> keeps in memory.
/// </summary>
internal sealed class LinkFilter
{
    private LinkFilter()
    {
    }

    public DynamicParameters Parameters { get; } = new();

    /// <summary>Conditions on the links row (alias l).</summary>
    public List<string> LinkClauses { get; } = [];

    /// <summary>Tag ids per group; the parameter of group i is @tagIds{i}.</summary>
    public List<long[]> TagGroups { get; } = [];

    /// <summary>True when a filter can match nothing (an unknown tag with "and").</summary>
    public bool MatchesNothing { get; private set; }

    public bool IsEmpty => LinkClauses.Count == 0 && TagGroups.Count == 0;

    /// <summary>The clause of the "not archived" state: the library's default view (decision 042).</summary>
    public const string NotArchived = "l.is_archived = 0";

    /// <summary>True when the filter is the default view and nothing else.</summary>
    public bool IsOnlyNotArchived => TagGroups.Count == 0 && LinkClauses is [NotArchived];

    public static LinkFilter Build(IDbConnection connection, LinkListQuery query)
    {
        var filter = new LinkFilter();
        var groups = new List<long[]>();
        foreach (var key in TagName.NormalizeAll(query.Tags).Select(TagName.Key))
        {
            groups.Add(connection.Query<long>(
                "SELECT id FROM tags WHERE key = @key OR key LIKE @children ESCAPE '\\'",
                new { key, children = EscapeLike(key) + "/%" }).ToArray());
        }

        if (groups.Count > 0 && !query.MatchAllTags)
        {
            groups = [[.. groups.SelectMany(ids => ids).Distinct()]];
        }

        filter.MatchesNothing = groups.Any(ids => ids.Length == 0);
        for (var i = 0; i < groups.Count; i++)
        {
            filter.TagGroups.Add(groups[i]);
            filter.Parameters.Add("tagIds" + i, groups[i]);
        }

        filter.AddLinkClauses(query);
        return filter;
    }

    /// <summary>"link carries a tag of group i"; <paramref name="linkId"/> is the SQL expression of the link's id.</summary>
    public static string TagExists(int group, string linkId) =>
        // The unary + keeps SQLite from probing the primary key once per tag id of the group:
        // a link has a handful of tags, so reading them all and testing the list is cheaper.
        $"EXISTS (SELECT 1 FROM link_tags t{group} WHERE t{group}.link_id = {linkId} AND +t{group}.tag_id IN @tagIds{group})";

    /// <summary>Every filter as conditions: the link clauses and one EXISTS per tag group except <paramref name="skipGroup"/>.</summary>
    public List<string> Clauses(string linkId = "l.id", int skipGroup = -1)
    {
        var clauses = new List<string>(LinkClauses);
        clauses.AddRange(Enumerable.Range(0, TagGroups.Count).Where(i => i != skipGroup).Select(i => TagExists(i, linkId)));
        return clauses;
    }

    public static string Where(IEnumerable<string> clauses)
    {
        var list = clauses.ToList();
        return list.Count == 0 ? "" : "WHERE " + string.Join(" AND ", list);
    }

    private void AddLinkClauses(LinkListQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Site))
        {
            var site = query.Site.Trim().ToLowerInvariant();
            LinkClauses.Add("l.site = @site");
            Parameters.Add("site", site.StartsWith("www.", StringComparison.Ordinal) ? site[4..] : site);
        }

        if (!string.IsNullOrWhiteSpace(query.Author))
        {
            // links.author is kept from the latest capture's byline (migration 014).
            LinkClauses.Add("instr(lower(l.author), lower(@author)) > 0");
            Parameters.Add("author", query.Author.Trim());
        }

        if (query.From is { } fromTime)
        {
            LinkClauses.Add("l.created_at >= @fromTime");
            Parameters.Add("fromTime", StorageText.Time(fromTime));
        }

        if (query.To is { } toTime)
        {
            LinkClauses.Add("l.created_at < @toTime");
            Parameters.Add("toTime", StorageText.Time(toTime));
        }

        if (query.Status is { } status)
        {
            LinkClauses.Add("l.latest_status = @status"); // kept by triggers (migration 002)
            Parameters.Add("status", StorageText.Status(status));
        }

        if (query.Health.Count > 0)
        {
            LinkClauses.Add("l.health IN @health");
            Parameters.Add("health", query.Health.Select(HealthStates.Text).ToArray());
        }

        if (query.Changed)
        {
            LinkClauses.Add("l.changed_at IS NOT NULL");
        }

        if (query.NeedsAttention)
        {
            // The flags live in the latest snapshot's metadata (snapshot.json's metadata.quality), read through its primary key.
            LinkClauses.Add("EXISTS (SELECT 1 FROM snapshots qs WHERE qs.id = l.latest_snapshot_id AND json_array_length(qs.metadata_json, '$.quality.flags') > 0)");
        }

        LinkClauses.AddRange(query.States.Distinct().Select(StateClause));
    }

    private static string StateClause(LinkStateFilter state) => state switch
    {
        LinkStateFilter.Read => "l.is_read = 1",
        LinkStateFilter.Unread => "l.is_read = 0",
        LinkStateFilter.Favorite => "l.is_favorite = 1",
        LinkStateFilter.Archived => "l.is_archived = 1",
        LinkStateFilter.Unarchived => NotArchived,
        LinkStateFilter.Private => "l.is_private = 1",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
