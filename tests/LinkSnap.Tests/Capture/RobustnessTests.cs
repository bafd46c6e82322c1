using LinkSnap.Core.Capture;
using LinkSnap.Core.Capture.Browser;
using LinkSnap.Testing;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>Pages that never settle, crashing tabs, a dying browser, idle shutdown and concurrent captures.</summary>
[TestFixture]
public sealed class RobustnessTests : CaptureTestBase
{
    private static string Page(string title, string text, string extra = "") =>
        $"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{text}</p>{extra}</body></html>";

    protected override void Configure(CaptureOptions options)
    {
        options.SettleTimeout = TimeSpan.FromSeconds(3);
        options.NavigationTimeout = TimeSpan.FromSeconds(4);
        options.ScreenshotMaxHeight = 2000;
    }

    /// <summary>Polls a condition with a bound: the state changes in the background.</summary>
    private static Task WaitUntilAsync(Func<bool> condition, string what) =>
        Eventually.TrueAsync(condition, TimeSpan.FromSeconds(30), what);

    [Category(TestCategories.TimingSensitive)]
    [Test]
    [CancelAfter(90_000)]
    public async Task Page_that_reloads_forever_is_captured_partial_as_it_stands()
    {
        Server.MapHtml("/reloading", Page("Restless", "This page reloads itself forever.", "<script>setTimeout(() => location.reload(), 200);</script>"));
        var captured = await CaptureAsync(Server.Url("/reloading"));
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Partial));
        Assert.That(captured.Result.Reason, Does.Contain("did not settle"));
        Assert.That(captured.Text(ArtifactKinds.ArticleText), Does.Contain("This page reloads itself forever."));
        Assert.That(new FileInfo(captured.PathOf(ArtifactKinds.Screenshot)).Length, Is.GreaterThan(0));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task A_settled_page_can_no_longer_navigate_once_the_artifacts_start()
    {
        await using var engine = CreateEngine();
        Server.MapHtml("/settles-then-leaves", Page("Settled", "The page as it stood when it settled."));
        Server.MapHtml("/left-for", Page("Elsewhere", "A page the capture must not switch to."));
        // What a timer or a reload of the page would do between the settle point and the artifacts.
        engine.HtmlCapture.BeforeArtifacts = async page =>
        {
            await page.EvaluateAsync("() => { location.href = '/left-for'; }");
            try
            {
                await page.WaitForURLAsync("**/left-for", new() { Timeout = 3000, WaitUntil = WaitUntilState.Commit });
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // Frozen: the navigation was cancelled, as it must be. Playwright reports that as
                // ERR_ABORTED when the cancel is quick, or as a TimeoutException (not a PlaywrightException).
            }
        };

        var captured = await CaptureAsync(Server.Url("/settles-then-leaves"), engine: engine);

        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
        Assert.That(captured.Result.ArticleText, Does.Contain("The page as it stood when it settled."));
        Assert.That(captured.Text(ArtifactKinds.Html), Does.Not.Contain("A page the capture must not switch to."));
    }

    [Category(TestCategories.TimingSensitive)]
    [Test]
    [CancelAfter(90_000)]
    public async Task Page_whose_image_never_arrives_is_captured_partial()
    {
        Server.Map("/never.png", async ctx => await Task.Delay(TimeSpan.FromSeconds(60), ctx.RequestAborted));
        Server.MapHtml("/hanging", Page("Waiting", "The text is here even if the image never is.", "<img src=\"/never.png\" width=\"10\" height=\"10\">"));
        var captured = await CaptureAsync(Server.Url("/hanging"));
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Partial));
        Assert.That(captured.Result.Reason, Does.Contain("did not finish loading within 4 s"));
        Assert.That(captured.Text(ArtifactKinds.ArticleText), Does.Contain("The text is here even if the image never is."));
        Assert.That(new FileInfo(captured.PathOf(ArtifactKinds.Pdf)).Length, Is.GreaterThan(0));
    }

    [Test]
    public async Task Tall_page_screenshot_is_cut_at_the_height_cap()
    {
        Server.MapHtml("/tall", Page("Tall", "A very tall page.", "<div style=\"height: 6000px; background: #00f\"></div>"));
        var png = (await CaptureAsync(Server.Url("/tall"))).Bytes(ArtifactKinds.Screenshot);
        int Be32(int offset) => (png[offset] << 24) | (png[offset + 1] << 16) | (png[offset + 2] << 8) | png[offset + 3];
        Assert.That((Be32(16), Be32(20)), Is.EqualTo((1280, 2000)), "PNG IHDR width and height");
    }

    [Category(TestCategories.TimingSensitive)]
    [Test]
    [CancelAfter(90_000)]
    public async Task Whole_job_deadline_still_saves_what_it_can()
    {
        await using var engine = CreateEngine(o =>
        {
            o.SettleTimeout = TimeSpan.FromMinutes(1);
            o.JobTimeout = TimeSpan.FromSeconds(30);
        });
        Server.MapHtml("/restless-job", Page("Restless job", "Reloading until the job deadline.", "<script>setTimeout(() => location.reload(), 200);</script>"));
        var captured = await CaptureAsync(Server.Url("/restless-job"), engine: engine);
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Partial), captured.Result.Reason);
        Assert.That(captured.Result.Reason, Does.Contain("did not settle").And.Contain("Capture:JobTimeout"));
        Assert.That(captured.Result.ArticleText, Does.Contain("Reloading until the job deadline."));
    }

    [Test]
    public async Task Crashed_tab_fails_with_a_reason_and_the_engine_keeps_working()
    {
        await using var engine = CreateEngine();
        Server.MapHtml("/crashy", Page("Crashy", "Fine content before the crash."));
        engine.HtmlCapture.BeforeArtifacts = async page =>
        {
            var crashed = new TaskCompletionSource();
            page.Crash += (_, _) => crashed.TrySetResult();
            var cdp = await page.Context.NewCDPSessionAsync(page);
            _ = cdp.SendAsync("Page.crash").ContinueWith(t => t.Exception, TaskScheduler.Default);
            await crashed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        };
        var crashed = await CaptureAsync(Server.Url("/crashy"), engine: engine);
        Assert.That(crashed.Result.Outcome, Is.EqualTo(CaptureOutcome.Failed));
        Assert.That(crashed.Result.Reason, Does.Contain("crashed"));

        engine.HtmlCapture.BeforeArtifacts = null;
        var after = await CaptureAsync(Server.Url("/crashy"), engine: engine);
        Assert.That(after.Result.ArticleText, Does.Contain("Fine content before the crash."));
    }

    [Test]
    public async Task Browser_is_relaunched_after_it_is_killed()
    {
        await using var engine = CreateEngine();
        Server.MapHtml("/phoenix", Page("Phoenix", "Rises again after the browser dies."));
        var first = await CaptureAsync(Server.Url("/phoenix"), engine: engine);
        Assert.That(first.Result.ArticleText, Does.Contain("Rises again"));

        await engine.Browsers.KillBrowserForTestsAsync();
        await WaitUntilAsync(() => !engine.Browsers.IsRunning, "the killed browser is seen as gone");

        var second = await CaptureAsync(Server.Url("/phoenix"), engine: engine);
        Assert.That(second.Result.ArticleText, Does.Contain("Rises again"), second.Result.Reason);
        Assert.That(engine.Browsers.Launches, Is.EqualTo(2));
    }

    [Test]
    [CancelAfter(90_000)]
    public async Task Chromium_its_page_renderers_and_its_driver_run_below_the_daemons_cpu_priority()
    {
        var own = ProcessPriority.Own();
        var expected = Math.Min(ProcessPriority.Lowest, own + new CaptureOptions().BrowserNiceness);
        Assert.That(expected, Is.GreaterThan(own), "the test runs at nice 19 already: nothing could be lowered");
        Server.MapHtml("/yielding", Page("Yielding", "Captured by a browser that gives way to the library."));
        IReadOnlyList<ProcessTree.Thread> threads = [];
        // Read while the capture's page is open: its renderer starts after the launch, and Chromium sets
        // its threads' priorities as it starts them (as root it would raise some to nice 0 and -8).
        Engine.HtmlCapture.BeforeArtifacts = async _ =>
        {
            var driver = ProcessTree.ParentOf(await Engine.Browsers.BrowserProcessIdForTestsAsync());
            threads = ProcessTree.ThreadsBelow(driver);
        };
        try
        {
            var captured = await CaptureAsync(Server.Url("/yielding"));
            Assert.That(captured.Result.ArticleText, Does.Contain("gives way to the library"));
        }
        finally
        {
            Engine.HtmlCapture.BeforeArtifacts = null;
        }

        Assert.That(threads.Select(t => t.Type).Distinct(), Is.SupersetOf(new[] { "driver", "browser", "zygote", "renderer" }));
        var faster = threads.Where(t => t.Nice < expected).Select(t => t.ToString()).ToList();
        Assert.That(faster, Is.Empty, $"every thread runs at nice {expected} or lower priority (the daemon's is {own}): {string.Join("; ", faster)}");
        Assert.That(Engine.Browsers.BrowserNice, Is.EqualTo(expected));
    }

    [Category(TestCategories.TimingSensitive)]
    [Test]
    public async Task Idle_browser_is_closed_and_relaunched_on_demand()
    {
        await using var engine = CreateEngine(o => o.BrowserIdleTimeout = TimeSpan.FromMilliseconds(500));
        Server.MapHtml("/idle", Page("Idle", "Captured by a browser that naps."));
        await CaptureAsync(Server.Url("/idle"), engine: engine);
        await WaitUntilAsync(() => !engine.Browsers.IsRunning, "the idle browser is closed");

        var again = await CaptureAsync(Server.Url("/idle"), engine: engine);
        Assert.That(again.Result.ArticleText, Does.Contain("Captured by a browser that naps."));
        Assert.That(engine.Browsers.Launches, Is.EqualTo(2));
    }

    [Test]
    public async Task Concurrent_captures_each_get_their_own_page()
    {
        for (var i = 0; i < 3; i++)
        {
            Server.MapHtml($"/parallel{i}", Page($"Parallel {i}", $"Body number {i} of three."));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => CaptureAsync(Server.Url($"/parallel{i}"))));
        for (var i = 0; i < 3; i++)
        {
            Assert.That(results[i].Result.Metadata.Title, Is.EqualTo($"Parallel {i}"));
            Assert.That(results[i].Result.ArticleText, Does.Contain($"Body number {i} of three."));
        }
    }
}
