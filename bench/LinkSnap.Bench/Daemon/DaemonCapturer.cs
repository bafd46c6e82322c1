using LinkSnap.Bench.Harness;
using LinkSnap.Core.Capture;

namespace LinkSnap.Bench.Daemon;

/// <summary>
/// Captures through a warm `linksnap serve` exactly as a user's request would: POST /api/captures,
/// then wait for done/partial/failed. The measured wall time is request to finished job. The saved
/// files are then downloaded through the API into the section's folder for scoring.
/// </summary>
public sealed class DaemonCapturer(DaemonProcess daemon) : ILinkSnapCapturer
{
    private static readonly string[] Downloaded = [ArtifactKinds.Html, ArtifactKinds.ArticleText];

    public string Description => "warm daemon (linksnap serve) through its API";

    public DaemonProcess Daemon => daemon;

    public async Task<CaptureResult> CaptureAsync(Uri url, string outputDirectory, CancellationToken cancellationToken)
    {
        var (_, snapshotId) = await DaemonApi.PostCaptureAsync(daemon.Client, url, null, cancellationToken);
        var snapshot = await DaemonApi.WaitFinishedAsync(daemon.Client, snapshotId, TimeSpan.FromMinutes(4), cancellationToken);
        var result = DaemonApi.ToResult(snapshot);
        Directory.CreateDirectory(outputDirectory);
        foreach (var artifact in result.Artifacts.Where(a => Downloaded.Contains(a.Kind) && a.Status == ArtifactStatus.Ok && a.FileName is not null))
        {
            await DaemonApi.DownloadAsync(daemon.Client, snapshotId, artifact.FileName!, Path.Combine(outputDirectory, artifact.FileName!), cancellationToken);
        }

        return result;
    }

    public ValueTask DisposeAsync() => daemon.DisposeAsync();
}
