namespace LinkSnap.Core.Capture.Inlining;

/// <summary>The self-contained document and what the conversion did to get it.</summary>
public sealed record InliningResult(string Html, InliningStats Stats);
