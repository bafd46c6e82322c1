namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// A response the page loaded that the MHTML snapshot may lack (web fonts: Chromium's MHTML writer
/// leaves them out), recorded during the capture and handed to the converter beside the MHTML.
/// </summary>
public sealed record CapturedResource(Uri Url, string ContentType, byte[] Body);
