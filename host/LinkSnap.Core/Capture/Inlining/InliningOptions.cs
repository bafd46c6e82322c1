namespace LinkSnap.Core.Capture.Inlining;

/// <summary>Limits of the MHTML → self-contained HTML conversion (section "Inlining" of the capture settings).</summary>
public sealed record InliningOptions
{
    /// <summary>How deep frames inside frames are kept; deeper frames are left empty.</summary>
    public int MaxFrameDepth { get; init; } = 5;

    /// <summary>Resources larger than this (typically video) are left out rather than inlined.</summary>
    public long MaxResourceBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>
    /// Show the content of &lt;noscript&gt; elements. Off by default: the snapshot is the page as
    /// scripts left it, so fallbacks would duplicate images or show "enable JavaScript" notices.
    /// Pages whose body is empty without them get them shown anyway.
    /// </summary>
    public bool ShowNoScriptContent { get; init; }

    /// <summary>Write the original URL and capture time into the document (a comment and meta elements).</summary>
    public bool RecordOrigin { get; init; } = true;
}
