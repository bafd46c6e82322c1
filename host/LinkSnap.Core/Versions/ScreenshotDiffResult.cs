namespace LinkSnap.Core.Versions;

/// <summary>
/// Sizes of both screenshots, of the canvas they are compared on (the larger of each dimension),
/// the share of the canvas's pixels that changed (0–1) and the changed regions in canvas pixels.
/// </summary>
public sealed record ScreenshotDiffResult(
    int BeforeWidth, int BeforeHeight, int AfterWidth, int AfterHeight, int CanvasWidth, int CanvasHeight,
    double ChangedShare, IReadOnlyList<ChangedRegion> Regions);

public sealed record ChangedRegion(int X, int Y, int Width, int Height);
