namespace LinkSnap.Core.Storage;

/// <summary>Filters, order and page of a link listing or search (GET /api/links).</summary>
public sealed record LinkListQuery
{
    /// <summary>Full-text query; when set, results are ranked by relevance and carry snippets.</summary>
    public string? Text { get; init; }

    /// <summary>Tags to filter on; a tag also matches its children ("nlp" matches "nlp/interpretability").</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>True: a link needs every tag; false: any of them.</summary>
    public bool MatchAllTags { get; init; } = true;

    public string? Site { get; init; }

    /// <summary>The page's author (its latest capture's byline) contains this text, ignoring case.</summary>
    public string? Author { get; init; }

    /// <summary>Saved at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Saved before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Status of the link's latest snapshot.</summary>
    public SnapshotStatus? Status { get; init; }

    /// <summary>Only links a watch found changed since the person last looked.</summary>
    public bool Changed { get; init; }

    /// <summary>Only links whose latest capture the quality guard flagged (decision 053): "needs attention".</summary>
    public bool NeedsAttention { get; init; }

    /// <summary>Health states of the original page (any of them); "gone" plus "soft-404" is the library's "your copy is the only one".</summary>
    public IReadOnlyList<Health.HealthState> Health { get; init; } = [];

    /// <summary>Read-later states a link must all have (unread and favorite: both). The library's default view asks for unarchived (decision 042).</summary>
    public IReadOnlyList<LinkStateFilter> States { get; init; } = [];

    public LinkSort Sort { get; init; } = LinkSort.Saved;
    public bool Descending { get; init; } = true;
    public int Limit { get; init; } = 50;

    /// <summary>Opaque cursor returned as NextCursor by the previous page.</summary>
    public string? Cursor { get; init; }
}

public enum LinkSort
{
    Saved,
    Title,
    Site,

    /// <summary>The page's own publication date (metadata.publishedTime); links without one come last newest-first.</summary>
    Published,
}
