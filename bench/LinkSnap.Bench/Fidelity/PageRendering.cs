namespace LinkSnap.Bench.Fidelity;

/// <summary>What a page showed in the bench's browser: full-page screenshot, visible text, requests it tried.</summary>
public sealed record PageRendering(byte[] Screenshot, string VisibleText, int RequestsAttempted, IReadOnlyList<string> RequestSample, string? Error);
