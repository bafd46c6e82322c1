namespace LinkSnap.Bench.Scoring;

/// <summary>
/// Result of comparing a screenshot with its reference: the share of pixels that match
/// (within a tolerance, over the union of both sizes) and the mean SSIM of the grey levels.
/// </summary>
public sealed record ImageComparison(
    double MatchingPixelShare,
    double Ssim,
    int ReferenceWidth,
    int ReferenceHeight,
    int CandidateWidth,
    int CandidateHeight);
