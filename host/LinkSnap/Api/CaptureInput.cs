namespace LinkSnap.Api;

/// <summary>Body of POST /api/captures (and of the relay's save message).</summary>
public sealed record CaptureInput
{
    public string? Url { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public string? Note { get; init; }

    /// <summary>"fresh" (default) or "as-seen".</summary>
    public string? Mode { get; init; }

    /// <summary>As-seen mode: the tab's serialized DOM.</summary>
    public string? Html { get; init; }
}
