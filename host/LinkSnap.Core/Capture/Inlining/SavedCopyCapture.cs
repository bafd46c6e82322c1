using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// The whole saved-copy step for a capture engine, in two calls: <see cref="Attach"/> right after
/// the page is created (before navigating), <see cref="SaveAsync"/> once the page settled. It
/// prepares the page, takes the MHTML snapshot, adds what the snapshot lacks (fonts, SVG images)
/// and converts it.
/// </summary>
public sealed class SavedCopyCapture
{
    private readonly SubresourceRecorder _recorder;

    private SavedCopyCapture(SubresourceRecorder recorder)
    {
        _recorder = recorder;
    }

    public static SavedCopyCapture Attach(IPage page) => new(SubresourceRecorder.Attach(page));

    /// <summary>The MHTML snapshot taken by the last <see cref="SaveAsync"/> (for debugging and tests).</summary>
    public string? Mhtml { get; private set; }

    /// <summary>What the last snapshot lacked and was recorded from the network (fonts, SVG images).</summary>
    public IReadOnlyCollection<CapturedResource>? Captured { get; private set; }

    /// <summary>
    /// Another document made from the page (the reader view) made as inert as the saved copy, its media
    /// inlined from the last snapshot (none when the saved copy was not taken).
    /// </summary>
    public string ConvertDerived(string html, Uri pageUrl) => SelfContainedHtml.ConvertDerived(html, pageUrl, Mhtml, Captured);

    /// <summary>Snapshot and conversion; the conversion runs off the caller's thread (it is CPU work).</summary>
    public async Task<InliningResult> SaveAsync(IPage page, ICDPSession cdp, Uri pageUrl, InliningOptions options, CancellationToken cancellationToken)
    {
        var convert = await SnapshotAsync(page, cdp, pageUrl, options, cancellationToken);
        return await Task.Run(convert, cancellationToken);
    }

    /// <summary>
    /// The part that needs the page (marks, MHTML snapshot, bodies of what it lacks); returns the
    /// conversion, which needs only memory, so that the caller can run it while the page is busy
    /// with something else (screenshot, PDF).
    /// </summary>
    public async Task<Func<InliningResult>> SnapshotAsync(IPage page, ICDPSession cdp, Uri pageUrl, InliningOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(cdp);
        await SnapshotPreparation.MarkCurrentSourcesAsync(page, cancellationToken);
        var snapshot = await cdp.SendAsync("Page.captureSnapshot", new Dictionary<string, object> { ["format"] = "mhtml" });
        var mhtml = snapshot?.GetProperty("data").GetString()
            ?? throw new InvalidOperationException("Chromium returned no MHTML snapshot.");
        Mhtml = mhtml;
        var captured = await _recorder.CollectAsync(mhtml, cancellationToken);
        Captured = captured;
        return () => SelfContainedHtml.Convert(mhtml, pageUrl, options, captured);
    }
}
