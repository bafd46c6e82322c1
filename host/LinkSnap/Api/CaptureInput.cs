namespace LinkSnap.Api;

/// <summary>Body of POST /api/captures (and of the relay's save message).</summary>
public sealed record CaptureInput
{
    public string? Url { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Adds the default tags (GET /api/default-tags) to <see cref="Tags"/>: the shortcut and the context menu ask for them.</summary>
    public bool? UseDefaultTags { get; init; }
    public string? Note { get; init; }

    /// <summary>"fresh" (default) or "as-seen".</summary>
    public string? Mode { get; init; }

    /// <summary>As-seen mode: the tab's serialized DOM.</summary>
    public string? Html { get; init; }
}
