namespace LinkSnap.Testing;

/// <summary>What a page showed in a test or bench browser: full-page screenshot, visible text, requests it tried.</summary>
public sealed record PageRendering(byte[] Screenshot, string VisibleText, int RequestsAttempted, IReadOnlyList<string> RequestSample, string? Error);
