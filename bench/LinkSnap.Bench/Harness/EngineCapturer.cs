using LinkSnap.Core.Capture;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LinkSnap.Bench.Harness;

/// <summary>
/// LinkSnap's capture engine in-process, with its default settings except that loopback targets are
/// allowed (the corpora are served on 127.0.0.1). One engine, one warm browser, for the whole section.
/// </summary>
public sealed class EngineCapturer : ILinkSnapCapturer
{
    private readonly PlaywrightCaptureEngine _engine;

    public EngineCapturer(Action<CaptureOptions>? configure = null)
    {
        var options = new CaptureOptions { AllowedPrivateHosts = ["127.0.0.1"] };
        configure?.Invoke(options);
        _engine = new PlaywrightCaptureEngine(Options.Create(options), TimeProvider.System, NullLogger<PlaywrightCaptureEngine>.Instance);
    }

    public string Description => "capture engine in-process (warm browser)";

    public Task<CaptureResult> CaptureAsync(Uri url, string outputDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDirectory);
        return _engine.CaptureAsync(new CaptureRequest { Url = url }, outputDirectory, progress: null, cancellationToken);
    }

    public ValueTask DisposeAsync() => _engine.DisposeAsync();
}
