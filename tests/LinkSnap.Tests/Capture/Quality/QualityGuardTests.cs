using System.Diagnostics;
using System.Net;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Capture.Consent;
using LinkSnap.Core.Capture.Quality;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture.Quality;

/// <summary>
/// The capture quality guard (decision 053) on a fixture page per flag, plus the Chinese site rules
/// and the placeholder-image swap. All pages are captured once, a few at a time, by the fixture's
/// one engine (one Chromium); the tests then read the results.
/// </summary>
[TestFixture]
public sealed class QualityGuardTests : CaptureTestBase
{
    private static readonly Dictionary<string, string> SiteHosts = new()
    {
        ["/wechat"] = "mp.weixin.qq.com",
        ["/zhihu-site"] = "www.zhihu.com",
        ["/csdn-site"] = "blog.csdn.net",
        ["/jianshu"] = "www.jianshu.com",
        ["/weibo"] = "weibo.com",
        ["/bilibili"] = "www.bilibili.com",
        ["/toutiao"] = "www.toutiao.com",
    };

    private readonly Dictionary<string, Captured> _captured = [];
    private CaptureOptions _options = null!;
    private Captured _consentKept = null!;

    /// <summary>A second site (127.0.0.2) for the consent manager's own frame, as Sourcepoint serves it.</summary>
    private FixtureServer _cmp = null!;

    protected override void Configure(CaptureOptions options)
    {
        _options = options;

        // Hosts under .invalid have no such name by definition (RFC 6761): the proxy's own lookup is part of the test.
        var loopbackOnly = options.RequestFilterForTests!;
        options.RequestFilterForTests = url => loopbackOnly(url) || url.Host.EndsWith(".invalid", StringComparison.Ordinal);
    }

    [OneTimeSetUp]
    public async Task CaptureAllAsync()
    {
        var watch = Stopwatch.StartNew();
        Engine.HtmlCapture.Quality.SiteHostForTests = url => SiteHosts.GetValueOrDefault(url.AbsolutePath, url.Host);
        _cmp = await FixtureServer.StartAsync(IPAddress.Parse("127.0.0.2"));
        _cmp.MapHtml("/index.html", QualityPages.SourcepointFrame);
        var pages = new Dictionary<string, (string Html, int Status)>
        {
            ["/fine"] = (Fixtures.ArticlePage("/red.png"), 200),
            ["/onetrust"] = (QualityPages.OneTrust, 200),
            ["/onetrust-cmp"] = (QualityPages.OneTrustCmp, 200),
            ["/sourcepoint"] = (QualityPages.SourcepointTop(_cmp.BaseUri), 200),
            ["/cookiebot"] = (QualityPages.Cookiebot, 200),
            ["/consent-wall"] = (QualityPages.GenericWall, 200),
            ["/consent-zh"] = (QualityPages.ChineseConsent, 200),
            ["/members/harbour-story"] = (QualityPages.LoginForm, 200),
            ["/"] = (QualityPages.SignInHome, 200),
            ["/accounts/login/"] = (QualityPages.SignInHome, 200),
            ["/zhihu"] = (QualityPages.ZhihuModal, 200),
            ["/zhihu-site"] = (QualityPages.ZhihuModal, 200),
            ["/captcha"] = (QualityPages.Captcha, 200),
            ["/soft-error"] = (QualityPages.SoftError, 200),
            ["/gone"] = ("<html><head><title>Gone</title></head><body><h1>Nothing here</h1></body></html>", 404),
            ["/spa"] = (QualityPages.SpaShell, 200),
            ["/fold-plain"] = (QualityPages.PlainFold, 200),
            ["/fold-linked"] = (QualityPages.LinkedFold, 200),
            ["/broken-images"] = (QualityPages.BrokenImages, 200),
            ["/absent-images"] = (QualityPages.AbsentImages, 200),
            ["/placeholder"] = (QualityPages.Placeholder, 200),
            ["/scroll-loader"] = (QualityPages.ScrollLoader, 200),
            ["/wechat"] = (QualityPages.WeChat, 200),
            ["/csdn"] = (QualityPages.Csdn, 200),
            ["/csdn-site"] = (QualityPages.Csdn, 200),
            ["/error-frame"] = (QualityPages.FailedFrame, 200),
            ["/jianshu"] = (QualityPages.Jianshu, 200),
            ["/weibo"] = (QualityPages.Weibo, 200),
            ["/bilibili"] = (QualityPages.Bilibili, 200),
            ["/toutiao"] = (QualityPages.Toutiao, 200),
        };
        foreach (var (path, (html, status)) in pages)
        {
            Server.MapHtml(path, html, status);
        }

        // Never answered, and answered "busy": images a later capture may get. /photos/missing.jpg is a 404.
        Server.Map("/photos/stalled.jpg", ctx => Task.Delay(Timeout.Infinite, ctx.RequestAborted));
        Server.MapContent("/photos/busy.jpg", "text/plain", "Service Unavailable"u8.ToArray(), 503);
        Server.MapContent("/photos/withdrawn.jpg", "text/plain", "Gone"u8.ToArray(), 410);
        Server.MapContent("/red.png", "image/png", Fixtures.RedPng);
        Server.MapContent("/icon.png", "image/png", Fixtures.BluePng);
        Server.MapContent("/blue-lazy.png", "image/png", Fixtures.BluePng);
        Server.MapContent("/placeholder.png", "image/png", Fixtures.RedPng);
        Server.MapContent("/photo.png", "image/png", Fixtures.BluePng);
        Server.MapContent("/late-photo.png", "image/png", Fixtures.BluePng);
        Server.MapContent("/mmbiz/photo.png", "image/png", Fixtures.BluePng);
        foreach (var image in new[] { "/jianshu/upload_images/photo.png", "/weibo/large/photo.png", "/bilibili/bfs/article/photo.png", "/toutiao/pgc-image/photo.png" })
        {
            Server.MapContent(image, "image/png", Fixtures.BluePng);
        }
        Server.MapHtml("/fine-frame", "<html><body><p id=fine-frame>The embedded map legend.</p></body></html>");
        Server.MapHtml("/captcha-frame", "<html><body><input type=checkbox> I am human</body></html>");

        using var slots = new SemaphoreSlim(3);
        var results = await Task.WhenAll(pages.Keys.Select(async path =>
        {
            await slots.WaitAsync();
            try
            {
                return (path, await CaptureAsync(Server.Url(path)));
            }
            finally
            {
                slots.Release();
            }
        }));
        foreach (var (path, captured) in results)
        {
            _captured[path] = captured;
            TestContext.Progress.WriteLine($"{path}: {Describe(captured)} (consent {captured.Result.TimingsMs.GetValueOrDefault("consent"):0} ms, guard {captured.Result.TimingsMs.GetValueOrDefault("guard"):0} ms, prepare {captured.Result.TimingsMs.GetValueOrDefault("guard-prepare"):0} ms, total {captured.Result.TimingsMs["total"]:0} ms)");
        }

        // The setting is read by each capture: with it off (after the batch, alone) the banner stays.
        _options.DismissConsent = false;
        try
        {
            _consentKept = await CaptureAsync(Server.Url("/onetrust-cmp"));
        }
        finally
        {
            _options.DismissConsent = true;
        }

        TestContext.Progress.WriteLine($"{pages.Count + 1} quality captures in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [OneTimeTearDown]
    public async Task StopCmpAsync() => await _cmp.DisposeAsync();

    private static string Describe(Captured c) =>
        $"{c.Result.Outcome} ({c.Result.Reason}) flags: " + string.Join("; ", c.Result.Metadata.Quality?.Flags.Select(f => $"{f.Kind}: {f.Reason}") ?? ["none recorded"]);

    private IReadOnlyList<QualityFlag> Flags(string path) => _captured[path].Result.Metadata.Quality!.Flags;

    [Test]
    public void A_fine_article_is_not_flagged()
    {
        Assert.That(Flags("/fine"), Is.Empty, Describe(_captured["/fine"]));
        Assert.That(_captured["/fine"].Result.Outcome, Is.EqualTo(CaptureOutcome.Done));
    }

    [TestCase("/onetrust", "consent", "#onetrust")]
    [TestCase("/cookiebot", "consent", "#CybotCookiebotDialog")]
    [TestCase("/consent-wall", "consent", "first screen")]
    [TestCase("/consent-zh", "consent", "cookie")]
    [TestCase("/members/harbour-story", "login-wall", "sign-in form")]
    [TestCase("/zhihu", "login-wall", "sign-in layer")]
    [TestCase("/captcha", "bot-check", "Just a moment")]
    [TestCase("/soft-error", "error-page", "页面不存在")]
    [TestCase("/gone", "error-page", "HTTP 404")]
    [TestCase("/spa", "blank", "almost nothing")]
    [TestCase("/fold-linked", "truncated", "阅读全文")]
    [TestCase("/broken-images", "missing-images", "2 images on the first screen never loaded (http://127.0.0.1")]
    [TestCase("/csdn", "truncated", "登录后阅读全文")]
    public void Each_sign_is_flagged_with_its_reason_and_action(string path, string kind, string reasonPart)
    {
        var flag = Flags(path).FirstOrDefault(f => f.Kind == kind);
        Assert.That(flag, Is.Not.Null, $"{path}: {Describe(_captured[path])}");
        Assert.That(flag!.Reason, Does.Contain(reasonPart).IgnoreCase);
        Assert.That(flag.Action, Is.EqualTo(QualityKinds.ActionFor(kind)));
        Assert.That(_captured[path].Result.Metadata.Quality!.NeedsAttention, Is.True);
    }

    [Test]
    public void A_flag_names_only_what_is_wrong()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Flags("/onetrust").Select(f => f.Kind), Is.EqualTo(new[] { "consent" }));
            Assert.That(Flags("/zhihu").Select(f => f.Kind), Is.EqualTo(new[] { "login-wall" }), "the answer's fold opens by itself: only the modal is left");
            Assert.That(Flags("/soft-error").Select(f => f.Kind), Is.EqualTo(new[] { "error-page" }));
            Assert.That(Flags("/captcha").Select(f => f.Kind), Does.Not.Contain("login-wall"));
        });
    }

    /// <summary>Issue 18, guard false positives (decision 084): the corpus' Facebook, Instagram and VK home pages are sign-in forms.</summary>
    [Test]
    public void A_sign_in_form_is_the_page_at_a_sites_root_and_sign_in_address_but_a_wall_at_an_article()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Flags("/"), Is.Empty, Describe(_captured["/"]));
            Assert.That(Flags("/accounts/login/"), Is.Empty, Describe(_captured["/accounts/login/"]));
            Assert.That(Flags("/members/harbour-story").Select(f => f.Kind), Is.EqualTo(new[] { "login-wall" }));
        });
    }

    /// <summary>
    /// Issue 18, guard false positives (decision 084): an image the site does not serve (4xx, or a host
    /// with no such name) is not missing; one that never answered or got a 503 is, and only those are counted.
    /// </summary>
    [Test]
    public void Images_the_site_does_not_serve_are_not_missing_ones_that_did_not_arrive_are()
    {
        Assert.That(Flags("/absent-images"), Is.Empty, Describe(_captured["/absent-images"]));
        var flag = Flags("/broken-images").Single(f => f.Kind == "missing-images");
        Assert.That(flag.Reason, Does.StartWith("2 images").And.Contain("/photos/stalled.jpg"), "the stalled and the 503 image; the 404 is not counted");
    }

    [Test]
    public void Bot_checks_and_http_errors_make_the_capture_partial_soft_signs_do_not()
    {
        Assert.That(_captured["/captcha"].Result.Outcome, Is.EqualTo(CaptureOutcome.Partial));
        Assert.That(_captured["/captcha"].Result.Reason, Does.Contain("challenge"));
        Assert.That(_captured["/captcha"].Result.Metadata.IsChallengeOrError, Is.True);
        Assert.That(_captured["/gone"].Result.Reason, Does.StartWith("HTTP 404"));
        Assert.That(_captured["/onetrust"].Result.Outcome, Is.EqualTo(CaptureOutcome.Done), "a banner is a flag, not a failed capture");
    }

    /// <summary>Issue 18 item 7: autoconsent refuses non-essential cookies before the screenshot, PDF and copy, and says so.</summary>
    [Test]
    public async Task A_consent_banner_is_refused_before_the_artifacts_and_recorded()
    {
        var captured = _captured["/onetrust-cmp"];
        var quality = captured.Result.Metadata.Quality!;
        Assert.Multiple(() =>
        {
            Assert.That(quality.Consent, Is.Not.Null, Describe(captured));
            Assert.That(quality.Consent!.Cmp, Is.EqualTo("Onetrust"));
            Assert.That(quality.Consent.Action, Is.EqualTo(ConsentDismissal.Rejected));
            Assert.That(quality.Consent.Clicks, Is.GreaterThanOrEqualTo(1));
            Assert.That(quality.Flags, Is.Empty, "no wall is left to flag");
        });
        Assert.That(await CountPixelsAsync(captured.Bytes(ArtifactKinds.Screenshot), 0, 200, 0), Is.LessThan(100), "the green banner is not in the screenshot");
        var html = captured.Text(ArtifactKinds.Html);
        Assert.That(html, Does.Contain("data-consent=\"rejected\""), "Reject All was the button pressed");
        await using var view = await OpenOfflineAsync(captured.PathOf(ArtifactKinds.Html));
        Assert.That(await view.Page.IsVisibleAsync("#onetrust-banner-sdk"), Is.False, "the banner is not in the copy");
        Assert.That(await view.Page.InnerTextAsync("body"), Does.Contain("The harbour town woke slowly"));

        // The same page with Capture:DismissConsent off: nothing is clicked, the banner is saved and flagged.
        Assert.That(_consentKept.Result.Metadata.Quality!.Consent, Is.Null);
        Assert.That(await CountPixelsAsync(_consentKept.Bytes(ArtifactKinds.Screenshot), 0, 200, 0), Is.GreaterThan(1280 * 300), "the banner stays when the setting is off");
        Assert.That(_consentKept.Result.Metadata.Quality!.Flags.Select(f => f.Kind), Does.Contain(QualityKinds.Consent));
    }

    /// <summary>
    /// Decision 080: a consent manager that draws its banner in a frame of its own origin (Sourcepoint)
    /// is refused inside that frame; the page then removes the frame, and the choice is still recorded.
    /// </summary>
    [Test]
    public async Task A_consent_banner_inside_a_frame_from_another_origin_is_refused_and_recorded()
    {
        var captured = _captured["/sourcepoint"];
        Assert.Multiple(() =>
        {
            Assert.That(captured.Result.Metadata.Quality!.Consent, Is.EqualTo(new ConsentDismissal("Sourcepoint-frame", ConsentDismissal.Rejected, 1)), Describe(captured));
            Assert.That(captured.Result.Metadata.Quality!.Flags, Is.Empty, "no wall is left to flag");
            Assert.That(_cmp.Requests, Does.Contain("/index.html?message_id=1000&consentUUID=c1"), "the banner came from the second origin");
        });
        Assert.That(await CountPixelsAsync(captured.Bytes(ArtifactKinds.Screenshot), 0, 200, 0), Is.LessThan(100), "the green banner is not in the screenshot");
        var html = captured.Text(ArtifactKinds.Html);
        Assert.That(html, Does.Contain("data-consent=\"rejected\""), "Reject all was the button pressed");
        Assert.That(html, Does.Not.Contain("sp_message_iframe_1000"), "the banner's frame is not in the copy");
    }

    [Test]
    public void A_click_that_leaves_the_banner_open_is_recorded_as_failed()
    {
        // The /onetrust fixture's buttons do nothing: autoconsent's click "succeeds" but the banner stays.
        var consent = _captured["/onetrust"].Result.Metadata.Quality!.Consent;
        Assert.That(consent, Is.EqualTo(new ConsentDismissal("Onetrust", ConsentDismissal.Failed, consent?.Clicks ?? 0)), Describe(_captured["/onetrust"]));
        Assert.That(Flags("/onetrust").Select(f => f.Kind), Is.EqualTo(new[] { "consent" }));
    }

    [Test]
    public void A_plain_read_more_toggle_is_opened_before_the_artifacts()
    {
        var captured = _captured["/fold-plain"];
        Assert.That(Flags("/fold-plain"), Is.Empty, Describe(captured));
        Assert.That(captured.Result.Metadata.Quality!.Expanded, Is.EqualTo(new[] { "展开全文" }));
        Assert.That(captured.Text(ArtifactKinds.ArticleText), Does.Contain("这就是渔港平凡而又完整的一天"));
    }

    [Test]
    public async Task A_placeholder_src_gives_way_to_the_data_src_image()
    {
        var screenshot = _captured["/placeholder"].Bytes(ArtifactKinds.Screenshot);
        Assert.That(await CountPixelsAsync(screenshot, 0, 0, 255), Is.GreaterThan(300 * 300 * 9 / 10), "the real photo is shown");
        Assert.That(await CountPixelsAsync(screenshot, 255, 0, 0), Is.LessThan(100), "the placeholder is not");
        Assert.That(Flags("/placeholder"), Is.Empty);
        Assert.That(_captured["/placeholder"].Text(ArtifactKinds.Html), Does.Not.Contain("data-linksnap-placeholder"), "the swap's own mark is not part of the page");
    }

    /// <summary>Issue 18 item 9b: the page is scrolled in steps before it is frozen, so a loader that waits for its slot to come on screen runs.</summary>
    [Test]
    public async Task A_scroll_triggered_loader_runs_before_the_copy_is_taken()
    {
        var captured = _captured["/scroll-loader"];
        Assert.That(Flags("/scroll-loader"), Is.Empty, Describe(captured));
        await using var view = await OpenOfflineAsync(captured.PathOf(ArtifactKinds.Html));
        Assert.That(await view.Page.EvaluateAsync<int>("() => { const i = document.getElementById('late'); return i && i.complete ? i.naturalWidth : 0; }"), Is.GreaterThan(0), "the photo is in the copy");
    }

    [Test]
    public async Task WeChat_article_hidden_until_script_is_revealed_with_its_data_src_images()
    {
        var captured = _captured["/wechat"];
        Assert.That(Flags("/wechat"), Is.Empty, Describe(captured));
        Assert.That(captured.Result.Metadata.Quality!.SiteRule, Is.EqualTo("wechat"));
        Assert.That(await CountPixelsAsync(captured.Bytes(ArtifactKinds.Screenshot), 0, 0, 255), Is.GreaterThan(300 * 300 * 9 / 10));
        await using var view = await OpenOfflineAsync(captured.PathOf(ArtifactKinds.Html));
        Assert.That(await view.Page.InnerTextAsync("body"), Does.Contain("这就是渔港平凡而又完整的一天"));
    }

    [TestCase("/zhihu-site", "zhihu")]
    [TestCase("/csdn-site", "csdn")]
    public void Chinese_site_rules_remove_the_login_fold(string path, string rule)
    {
        var captured = _captured[path];
        Assert.That(captured.Result.Metadata.Quality!.SiteRule, Is.EqualTo(rule));
        Assert.That(Flags(path), Is.Empty, Describe(captured));
        var text = captured.Text(ArtifactKinds.ArticleText);
        Assert.That(text, Does.Contain(rule == "zhihu" ? "这就是我对这座港口的全部印象" : "以上就是港口调度算法的全部内容"));
    }

    /// <summary>
    /// Issue 18 item 8: each Chinese site rule on a fixture of the site's structure — the sign-in layer
    /// is gone from the screenshot, the fold is open (the last paragraph is in the article text), the
    /// lazy picture is in the screenshot and in the saved copy, and nothing is left to flag.
    /// </summary>
    [TestCase("/jianshu", "jianshu")]
    [TestCase("/weibo", "weibo")]
    [TestCase("/bilibili", "bilibili")]
    [TestCase("/toutiao", "toutiao")]
    public async Task Chinese_site_pages_are_saved_whole_without_their_sign_in_layer(string path, string rule)
    {
        var captured = _captured[path];
        Assert.Multiple(() =>
        {
            Assert.That(captured.Result.Metadata.Quality!.SiteRule, Is.EqualTo(rule));
            Assert.That(Flags(path), Is.Empty, Describe(captured));
            Assert.That(captured.Text(ArtifactKinds.ArticleText), Does.Contain(QualityPages.SiteLast));
        });
        var screenshot = captured.Bytes(ArtifactKinds.Screenshot);
        Assert.That(await CountPixelsAsync(screenshot, 255, 0, 255), Is.LessThan(100), "no sign-in layer or app banner in the screenshot");
        Assert.That(await CountPixelsAsync(screenshot, 0, 0, 255), Is.GreaterThan(300 * 300 * 9 / 10), "the lazy picture is shown");
        await using var view = await OpenOfflineAsync(captured.PathOf(ArtifactKinds.Html));
        Assert.That(await view.Page.EvaluateAsync<int>("() => [...document.images].filter(i => i.complete && i.naturalWidth > 0).length"), Is.GreaterThanOrEqualTo(1), "the picture is in the copy");
        Assert.That(await view.Page.InnerTextAsync("body"), Does.Contain(QualityPages.SiteLast));
    }

    /// <summary>Issue 18 item 9a: the unreachable frame's slot stays empty in the copy instead of holding Chromium's error page.</summary>
    [Test]
    public void A_frame_whose_load_failed_is_saved_empty_not_as_the_browsers_error_page()
    {
        var captured = _captured["/error-frame"];
        var html = captured.Text(ArtifactKinds.Html);
        var copy = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var failed = copy.QuerySelector("#failed")!;
        Assert.Multiple(() =>
        {
            Assert.That(failed.GetAttribute("srcdoc") ?? failed.GetAttribute("src"), Is.Null.Or.Empty, "the failed frame is an empty slot");
            Assert.That(html, Does.Not.Contain("neterror").And.Not.Contain("ERR_"), "no trace of the error document");
            Assert.That(copy.QuerySelector("#fine")!.GetAttribute("srcdoc"), Does.Contain("The embedded map legend."), "a frame that loaded is kept");
            Assert.That(Flags("/error-frame"), Is.Empty, Describe(captured));
        });
    }
}
