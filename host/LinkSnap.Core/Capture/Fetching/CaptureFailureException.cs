namespace LinkSnap.Core.Capture.Fetching;

/// <summary>A capture cannot go on; the message is the reason shown to the user.</summary>
internal sealed class CaptureFailureException(string reason, Exception? inner = null) : Exception(reason, inner);
