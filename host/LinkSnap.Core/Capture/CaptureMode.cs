namespace LinkSnap.Core.Capture;

/// <summary>How a snapshot was taken; recorded on every snapshot.</summary>
public enum CaptureMode
{
    /// <summary>The daemon loads the URL itself in a new, isolated browser context.</summary>
    Fresh,

    /// <summary>The extension sent the tab's live DOM; the daemon renders it at the page's own URL.</summary>
    AsSeen,

    /// <summary>Not captured: the content came from another tool's export (see SnapshotRecord.ImportedFrom).</summary>
    Imported,
}
