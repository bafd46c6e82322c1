using LinkSnap.Core.Capture;
using LinkSnap.Core.Versions;
using LinkSnap.Testing;
using LinkSnap.Tests.Capture;
using NUnit.Framework;

namespace LinkSnap.Tests.Archive;

/// <summary>
/// The capture's archive.wacz replayed by ReplayWeb.page (loopback, service worker, every other host
/// blocked) looks like the live page: a full-page screenshot of the replayed document alone is
/// compared with the live render of the same corpus site at the same viewport.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReplayFidelityTests : CaptureTestBase
{
    private const double Target = 0.97;
    private ReplayViewer _replay = null!;

    [OneTimeSetUp]
    public async Task StartReplayAsync() => _replay = await ReplayViewer.StartAsync(await ArchiveTools.ReplayWebPageAsync());

    [OneTimeTearDown]
    public async Task StopReplayAsync() => await _replay.DisposeAsync();

    [TestCase("iana")]
    [TestCase("servo/Wikipedia")]
    [TestCase("servo/JD")]
    [TestCase("servo/Baidu")]
    public async Task Replayed_archive_matches_the_live_page_pixel_for_pixel(string site)
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapDirectory("/", Corpus.RequireDirectory("fidelity/" + site));
        var url = server.Url("/");
        var browser = await ViewerAsync();
        var live = await PageRenderer.RenderAsync(browser, url, allowOnlyDocument: false, CancellationToken.None);
        var captured = await CaptureAsync(url);
        var wacz = captured.PathOf(ArtifactKinds.Wacz);
        var served = server.Requests.Count;

        var archive = _replay.AddArchive(site.Replace('/', '-'), wacz);
        var replayed = await _replay.RenderAsync(browser, archive, url.AbsoluteUri, TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.That(replayed.Error, Is.Null);

        var name = site.Replace('/', '-');
        var livePng = Path.Combine(Temp.Path, name + "-live.png");
        var replayPng = Path.Combine(Temp.Path, name + "-replay.png");
        await File.WriteAllBytesAsync(livePng, live.Screenshot);
        await File.WriteAllBytesAsync(replayPng, replayed.Screenshot);
        var diff = ScreenshotDiff.Compare(livePng, replayPng, out var problem);
        var matching = 1 - diff.ChangedShare;
        TestContext.Out.WriteLine($"{site}: matching {matching:0.0000}, live {diff.BeforeWidth}x{diff.BeforeHeight}, replay {diff.AfterWidth}x{diff.AfterHeight}; blocked {replayed.RequestsAttempted}: {string.Join(", ", replayed.RequestSample)}");
        TestContext.AddTestAttachment(livePng);
        TestContext.AddTestAttachment(replayPng);
        Assert.Multiple(() =>
        {
            Assert.That(problem, Is.Null);
            Assert.That(matching, Is.GreaterThanOrEqualTo(Target), "share of matching pixels, replay vs live");
            Assert.That(server.Requests.Count, Is.EqualTo(served), "replay asked the live site for nothing");
        });
    }
}
