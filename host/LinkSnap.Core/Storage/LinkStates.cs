namespace LinkSnap.Core.Storage;

/// <summary>A link's read-later states, as Pocket, wallabag, Pinboard and browsers' TOREAD/PRIVATE keep them.</summary>
public sealed record LinkStates(bool Read = false, bool Favorite = false, bool Archived = false, bool Private = false);

/// <summary>A change of states: null leaves a state as it is (PATCH /api/links/{id}, bulk actions, the popup's editor).</summary>
public sealed record LinkStatesEdit(bool? Read = null, bool? Favorite = null, bool? Archived = null, bool? Private = null)
{
    public bool IsEmpty => Read is null && Favorite is null && Archived is null && Private is null;

    /// <summary>SET clauses for the states that change, e.g. "is_read = @read"; the parameters are this record's properties.</summary>
    internal IEnumerable<string> SetClauses()
    {
        if (Read is not null)
        {
            yield return "is_read = @Read";
        }

        if (Favorite is not null)
        {
            yield return "is_favorite = @Favorite";
        }

        if (Archived is not null)
        {
            yield return "is_archived = @Archived";
        }

        if (Private is not null)
        {
            yield return "is_private = @Private";
        }
    }
}

/// <summary>A filter on one state (GET /api/links?state=…): read, unread, favorite, archived, unarchived, private.</summary>
public enum LinkStateFilter
{
    Read,
    Unread,
    Favorite,
    Archived,
    Unarchived,
    Private,
}
