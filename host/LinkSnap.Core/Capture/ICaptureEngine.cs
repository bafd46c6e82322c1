namespace LinkSnap.Core.Capture;

/// <summary>
/// Captures one URL into a folder. The folder is the snapshot's temporary folder: the caller
/// writes snapshot.json beside the artifacts and renames the folder into place.
/// Never throws for a bad page: the result carries the outcome and the reason.
/// </summary>
public interface ICaptureEngine
{
    Task<CaptureResult> CaptureAsync(
        CaptureRequest request,
        string outputDirectory,
        IProgress<CaptureStage>? progress,
        CancellationToken cancellationToken);
}
