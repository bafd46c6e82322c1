using LinkSnap.Core.Capture;

namespace LinkSnap.Jobs;

/// <summary>Stand-in until the Playwright capture engine is wired in: every job fails with a clear reason.</summary>
internal sealed class PendingCaptureEngine : ICaptureEngine
{
    public Task<CaptureResult> CaptureAsync(CaptureRequest request, string outputDirectory, IProgress<CaptureStage>? progress, CancellationToken cancellationToken) =>
        Task.FromResult(new CaptureResult { Outcome = CaptureOutcome.Failed, Reason = "this build has no capture engine yet" });
}
