using LinkSnap.Core.Capture;

namespace LinkSnap.Tests.Jobs;

/// <summary>A scripted engine for the queue's unit tests: the behaviour of each capture is a delegate.</summary>
internal sealed class FakeCaptureEngine(Func<CaptureRequest, string, IProgress<CaptureStage>?, CancellationToken, Task<CaptureResult>> capture) : ICaptureEngine
{
    private int _inFlight;
    private int _maxInFlight;

    public int InFlight => Volatile.Read(ref _inFlight);
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public async Task<CaptureResult> CaptureAsync(CaptureRequest request, string outputDirectory, IProgress<CaptureStage>? progress, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while ((seen = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            return await capture(request, outputDirectory, progress, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Writes a page file and reports every stage, like the real engine.</summary>
    public static async Task<CaptureResult> SaveAsync(CaptureRequest request, string folder, IProgress<CaptureStage>? progress)
    {
        progress?.Report(CaptureStage.Loading);
        progress?.Report(CaptureStage.Settling);
        progress?.Report(CaptureStage.Saving);
        await File.WriteAllTextAsync(Path.Combine(folder, "page.html"), $"<p>copy of {request.Url}</p>");
        return new CaptureResult
        {
            Outcome = CaptureOutcome.Done,
            Metadata = new PageMetadata { Title = "Fake " + request.Url.AbsolutePath },
            Artifacts = [new ArtifactInfo(ArtifactKinds.Html, "page.html", ArtifactStatus.Ok, 20, "text/html")],
            ArticleText = "fake article words",
        };
    }
}
