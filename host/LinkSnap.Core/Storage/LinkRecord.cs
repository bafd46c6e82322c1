namespace LinkSnap.Core.Storage;

/// <summary>A saved link with its tags and a summary of its snapshots.</summary>
public sealed record LinkRecord
{
    public required long Id { get; init; }

    /// <summary>The URL as it was first given.</summary>
    public required string Url { get; init; }

    public required string NormalizedUrl { get; init; }
    public required string Site { get; init; }

    /// <summary>The page's author and publication date (ISO 8601 as the page gave it) from its latest capture that saved it.</summary>
    public string? Author { get; init; }

    public string? Published { get; init; }

    /// <summary>How far the reader view was read, 0 to 1 (decision 069); null until it was first scrolled.</summary>
    public double? ReadingProgress { get; init; }
    public string Title { get; init; } = "";

    /// <summary>True once a person set the title; captures then no longer replace it.</summary>
    public bool TitleIsCustom { get; init; }

    public string Note { get; init; } = "";
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public int SnapshotCount { get; init; }
    public SnapshotRecord? Latest { get; init; }

    /// <summary>Read-later states (kept from imports, editable in the library).</summary>
    public LinkStates States { get; init; } = new();

    /// <summary>When a watch check last kept a changed version the person has not looked at (null: nothing new).</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>The latest health check of the original page; null until it is first checked.</summary>
    public Health.LinkHealth? Health { get; init; }

    /// <summary>Search results only: HTML-escaped text with &lt;mark&gt; around the hits.</summary>
    public string? Snippet { get; init; }
}
