using LinkSnap.Core.Capture.Fetching;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>An HTML document to render at its own URL: fetched (fresh) or sent by the extension (as seen).</summary>
internal sealed record HtmlSource(Uri Url, string Html, CaptureMode Mode, FetchedDocument? Fetched);
