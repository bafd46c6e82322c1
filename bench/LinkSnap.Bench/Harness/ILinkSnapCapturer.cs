using LinkSnap.Core.Capture;

namespace LinkSnap.Bench.Harness;

/// <summary>How the bench asks LinkSnap for one capture (in-process engine or through the daemon).</summary>
public interface ILinkSnapCapturer : IAsyncDisposable
{
    string Description { get; }

    Task<CaptureResult> CaptureAsync(Uri url, string outputDirectory, CancellationToken cancellationToken);
}
