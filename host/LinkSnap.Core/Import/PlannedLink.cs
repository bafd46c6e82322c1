namespace LinkSnap.Core.Import;

/// <summary>One link an import will create or merge into: every entry of the file with the same normalized URL, merged.</summary>
public sealed record PlannedLink
{
    public required Uri Url { get; init; }
    public required string NormalizedUrl { get; init; }
    public string Title { get; init; } = "";
    public string Note { get; init; } = "";
    public IReadOnlyList<string> Tags { get; init; } = [];
    public DateTimeOffset? SavedAt { get; init; }
    public bool Read { get; init; }
    public bool Favorite { get; init; }
    public bool Archived { get; init; }
    public bool Private { get; init; }
    public string? Content { get; init; }

    /// <summary>The tool whose export held <see cref="Content"/>; the imported version's "imported from".</summary>
    public string? ContentSource { get; init; }

    /// <summary>How many entries of the file were merged into this link.</summary>
    public int Entries { get; init; } = 1;
}
