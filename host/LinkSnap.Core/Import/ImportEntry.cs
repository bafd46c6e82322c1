namespace LinkSnap.Core.Import;

/// <summary>One bookmark as an export file gives it, before its URL is checked or merged with others.</summary>
public sealed record ImportEntry
{
    /// <summary>Where it is in the file, for messages: "line 12", "entry 3", "bookmark 7".</summary>
    public required string Position { get; init; }

    public required string Url { get; init; }
    public string? Title { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>When the user saved it in the other tool; null when the file does not say (or says it unreadably).</summary>
    public DateTimeOffset? SavedAt { get; init; }

    public bool Read { get; init; }
    public bool Favorite { get; init; }
    public bool Archived { get; init; }
    public bool Private { get; init; }

    /// <summary>The page's content as the other tool kept it, as HTML (Markdown is converted by the format), kept as an imported version.</summary>
    public string? Content { get; init; }

    /// <summary>The tool whose export held <see cref="Content"/> ("wallabag"), shown on the imported version.</summary>
    public string? ContentSource { get; init; }
}
