using System.Text.RegularExpressions;
using LinkSnap.Core.Capture.Inlining;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Inlining;

/// <summary>
/// The saved copy in real Chromium: a live page is captured to MHTML as the capture engine does,
/// converted, and opened with the network refused. What a reader would see must be there, and
/// nothing may be fetched or run.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class SelfContainedHtmlBrowserTests
{
    private BrowserHarness _browser = null!;
    private FixtureServer _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _browser = await BrowserHarness.StartAsync();
        _site = await FixtureServer.StartAsync();
        _site.MapDirectory("/", Path.Combine(Corpus.RepositoryRoot, "tests", "LinkSnap.Tests", "Inlining", "Fixtures", "site"));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _site.DisposeAsync();
        await _browser.DisposeAsync();
    }

    [Test]
    public async Task Fixture_site_copy_renders_offline_with_images_fonts_frames_and_no_scripts()
    {
        var (saved, liveText, _) = await _browser.CaptureAsync(_site.Url("/index.html"));

        var html = saved.Html;
        await using var copy = await _browser.OpenOfflineAsync(html);

        Assert.That(copy.Attempted, Is.Empty, "the saved copy tried to reach the network");
        var widths = await copy.EvalAsync<int[]>("() => ['red', 'srcset', 'lazy', 'handler', 'missing'].map(id => document.getElementById(id).naturalWidth)");
        Assert.That(widths, Is.EqualTo(new[] { 40, 30, 20, 40, 0 }), "natural widths of red, srcset (1x: green), lazy, handler, missing");
        Assert.That(await copy.EvalAsync<bool>("() => [...document.fonts].some(f => f.family.replaceAll('\"', '') === 'LinkSnapWide' && f.status === 'loaded')"), Is.True, "web font loaded");
        // Every glyph of the fixture font is 2 em wide: 4 letters at 20px = 160px; any fallback font is far narrower.
        Assert.That(await copy.EvalAsync<double>("() => document.getElementById('wide').getBoundingClientRect().width"), Is.EqualTo(160).Within(2));
        Assert.That(await copy.EvalAsync<string>("() => getComputedStyle(document.getElementById('bg')).backgroundImage"), Does.StartWith("url(\"data:image/png;base64,"));
        Assert.That(await copy.EvalAsync<string>("() => getComputedStyle(document.getElementById('plain')).color"), Is.EqualTo("rgb(1, 2, 3)"), "@import applied");
        // The sprite is stored once, as a custom property both rules use.
        Assert.That(await copy.EvalAsync<string[]>("() => ['sprite-a', 'sprite-b'].map(id => getComputedStyle(document.getElementById(id)).backgroundImage.slice(0, 27))"),
            Is.EqualTo(new[] { "url(\"data:image/png;base64,", "url(\"data:image/png;base64," }));
        Assert.That(await copy.EvalAsync<string>("() => getComputedStyle(document.getElementById('sprite-b')).backgroundPositionX"), Is.EqualTo("-16px"));
        Assert.That(html, Does.Contain("var(--linksnap-"));
        // Headless Chromium never fetches the icon, so the archive lacks it: the link must go rather than load.
        Assert.That(await copy.EvalAsync<bool>("() => [...document.querySelectorAll('link')].every(l => l.rel !== 'icon' || l.href.startsWith('data:'))"), Is.True);

        var frame = copy.Page.Frames.Single(f => f != copy.Page.MainFrame);
        Assert.That(await frame.InnerTextAsync("#inframe"), Is.EqualTo("inside the frame"));
        Assert.That(await frame.EvaluateAsync<int>("() => document.getElementById('frameimg').naturalWidth"), Is.EqualTo(30));
        Assert.That(await frame.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundImage"), Does.StartWith("url(\"data:image/png"));
        Assert.That(await frame.EvaluateAsync<bool>("() => window.__ranInFrame === undefined"), Is.True, "a frame script ran");

        Assert.That(await copy.EvalAsync<string>("() => document.getElementById('dynamic').textContent"), Is.EqualTo("added by script"), "the copy shows the page as scripts left it");
        Assert.That(await copy.EvalAsync<bool>("() => window.__ran === undefined && window.__handler === undefined && window.__frameRan === undefined"), Is.True, "a script ran in the copy");
        Assert.That(await copy.EvalAsync<string>("() => document.getElementById('link').href"), Is.EqualTo(_site.Url("/other.html").AbsoluteUri));
        await copy.Page.ClickAsync("#js");
        Assert.That(await copy.EvalAsync<bool>("() => window.__clicked === undefined"), Is.True, "a javascript: link ran");
        Assert.That(Normalize(await copy.TextAsync()), Is.EqualTo(Normalize(liveText)));
        Assert.That(copy.Attempted, Is.Empty, "the saved copy tried to reach the network");
    }

    [Test]
    public async Task Fixture_site_copy_renders_under_the_snapshot_origins_sandbox_policy()
    {
        // The header the library's snapshot origin sends (docs/security.md), plus the copy's own meta policy.
        const string policy = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; font-src data:; media-src data:; frame-src data:";
        var (saved, _, _) = await _browser.CaptureAsync(_site.Url("/index.html"));

        await using var copy = await _browser.OpenOfflineAsync(saved.Html, policy);

        Assert.That(copy.Attempted, Is.Empty);
        var frame = copy.Page.Frames.Single(f => f != copy.Page.MainFrame);
        Assert.That(await frame.InnerTextAsync("#inframe"), Is.EqualTo("inside the frame"), "srcdoc frame blocked by the policy");
        Assert.That(await frame.EvaluateAsync<int>("() => document.getElementById('frameimg').naturalWidth"), Is.EqualTo(30));
        Assert.That(await copy.EvalAsync<int>("() => document.getElementById('red').naturalWidth"), Is.EqualTo(40));
        Assert.That(await copy.EvalAsync<double>("() => document.getElementById('wide').getBoundingClientRect().width"), Is.EqualTo(160).Within(2), "web font");
        Assert.That(await copy.EvalAsync<string>("() => getComputedStyle(document.getElementById('plain')).color"), Is.EqualTo("rgb(1, 2, 3)"), "@import data: stylesheet");
        Assert.That(await copy.EvalAsync<string>("() => getComputedStyle(document.getElementById('sprite-b')).backgroundImage"), Does.StartWith("url(\"data:image/png"));
    }

    [Test]
    public async Task Picture_srcset_poster_svg_image_image_set_shadow_dom_and_canvas_survive_offline()
    {
        var (saved, liveText, _) = await _browser.CaptureAsync(_site.Url("/more.html"));

        var html = saved.Html;
        await using var copy = await _browser.OpenOfflineAsync(html);

        Assert.That(copy.Attempted, Is.Empty, "the saved copy tried to reach the network");
        Assert.That(await copy.EvalAsync<int[]>("() => ['pic', 'only-srcset'].map(id => document.getElementById(id).naturalWidth)"), Is.EqualTo(new[] { 30, 20 }), "picture source (green), srcset 1x (blue)");
        Assert.That(await copy.EvalAsync<string>("() => document.getElementById('video').poster"), Does.StartWith("data:image/png;base64,"));
        Assert.That(await copy.EvalAsync<string>("() => document.getElementById('svgimg').href.baseVal"), Does.StartWith("data:image/png;base64,"));
        Assert.That(await copy.EvalAsync<string>("() => getComputedStyle(document.getElementById('set')).backgroundImage"), Does.Contain("url(\"data:image/png;base64,"));
        Assert.That(await copy.EvalAsync<string?>("() => document.getElementById('host').shadowRoot?.getElementById('shadow')?.textContent ?? null"), Is.EqualTo("in the shadow"));
        Assert.That(await copy.EvalAsync<string>("() => getComputedStyle(document.getElementById('host').shadowRoot.getElementById('shadow')).color"), Is.EqualTo("rgb(4, 5, 6)"));
        Assert.That(await copy.EvalAsync<int>("() => document.getElementById('host').shadowRoot.getElementById('shadowimg').naturalWidth"), Is.EqualTo(20));
        Assert.That(await copy.EvalAsync<string>("() => getComputedStyle(document.getElementById('canvas')).backgroundImage"), Does.StartWith("url(\"data:image/png;base64,"), "canvas pixels kept");
        Assert.That(Normalize(await copy.TextAsync()), Is.EqualTo(Normalize(liveText)));
    }

    [Test]
    public async Task Corpus_iana_copy_is_offline_and_shows_the_live_text()
    {
        var site = Corpus.RequireDirectory("fidelity/iana");
        await AssertCorpusSiteAsync(site, "/index.html");
    }

    [Test]
    public async Task Corpus_servo_wikipedia_copy_is_offline_and_shows_the_live_text()
    {
        var site = Corpus.RequireDirectory("fidelity/servo/Wikipedia");
        await AssertCorpusSiteAsync(site, "/index.html");
    }

    private async Task AssertCorpusSiteAsync(string directory, string path)
    {
        await using var server = await FixtureServer.StartAsync();
        server.MapDirectory("/", directory);
        var (saved, liveText, _) = await _browser.CaptureAsync(server.Url(path));

        var html = saved.Html;
        await using var copy = await _browser.OpenOfflineAsync(html);

        Assert.That(copy.Attempted, Is.Empty, "the saved copy tried to reach the network");
        Assert.That(Normalize(await copy.TextAsync()), Is.EqualTo(Normalize(liveText)));
        var broken = await copy.EvalAsync<int>("() => [...document.images].filter(i => i.getAttribute('src') && i.naturalWidth === 0).length");
        Assert.That(broken, Is.Zero, "inlined images that do not decode");
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
