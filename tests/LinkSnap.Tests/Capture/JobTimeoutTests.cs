using LinkSnap.Core.Capture;
using LinkSnap.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>
/// Capture:JobTimeout, the one whole-job limit (decision 066), runs on the engine's injected clock: a
/// server that never answers is given up on exactly when a fake clock passes the limit, not before.
/// </summary>
[TestFixture]
public sealed class JobTimeoutTests
{
    [Test]
    public async Task A_capture_stuck_on_its_document_fails_when_the_clock_passes_the_job_timeout()
    {
        await using var server = await FixtureServer.StartAsync();
        server.Map("/never", context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var temp = new TempDirectory();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        var options = new CaptureOptions
        {
            AllowPrivateTargets = true,
            JobTimeout = TimeSpan.FromSeconds(30),
            // Far beyond the job limit, so only the job limit can end this capture.
            NavigationTimeout = TimeSpan.FromMinutes(10),
            RequestFilterForTests = url => url.IsLoopback,
        };
        await using var engine = new PlaywrightCaptureEngine(Options.Create(options), clock, NullLogger<PlaywrightCaptureEngine>.Instance);

        var capture = engine.CaptureAsync(new CaptureRequest { Url = server.Url("/never") }, Path.Combine(temp.Path, "out"), null, CancellationToken.None);
        await Eventually.TrueAsync(() => server.Requests.Contains("/never"), TimeSpan.FromSeconds(30), "the engine to ask for /never");

        clock.Advance(options.JobTimeout - TimeSpan.FromSeconds(1));
        Assert.That(capture.IsCompleted, Is.False, "one second before the limit the capture still waits");
        clock.Advance(TimeSpan.FromSeconds(1));
        var result = await capture.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That((result.Outcome, result.Reason), Is.EqualTo((CaptureOutcome.Failed, "The capture took longer than 30 s (setting Capture:JobTimeout).")));
    }
}
