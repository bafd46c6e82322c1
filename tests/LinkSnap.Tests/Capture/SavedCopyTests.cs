using LinkSnap.Core.Capture;
using LinkSnap.Testing;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>
/// What Chromium's MHTML snapshot drops and the engine's saved copy must still hold: web fonts,
/// images chosen from srcset alone, and images of SVG &lt;image&gt; elements.
/// </summary>
[TestFixture]
public sealed class SavedCopyTests : CaptureTestBase
{
    // Every glyph of the project's own fixture font (generated for the inliner tests) is 2 em wide,
    // so "Wide" at 20px is 160px; every fallback font is far narrower.
    private static readonly string FontFile = Path.Combine(Corpus.RepositoryRoot, "tests", "LinkSnap.Tests", "Inlining", "Fixtures", "site", "fonts", "wide.ttf");

    private const string Page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Web font page</title>
        <style>
          @font-face { font-family: "LinkSnapWide"; src: url("/fonts/wide.ttf") format("truetype"); }
          #wide { font-family: "LinkSnapWide", monospace; font-size: 20px; }
          body { margin: 0; background: white; }
        </style></head>
        <body>
        <p><span id="wide">Wide</span></p>
        <img id="srcset-only" srcset="/img/srcset-blue.png 1x" alt="blue">
        <svg id="svg" width="120" height="120"><image href="/img/svg-red.png" width="120" height="120" preserveAspectRatio="none"/></svg>
        </body></html>
        """;

    private const string WideWidth = "() => document.getElementById('wide').getBoundingClientRect().width";

    private Captured _captured = null!;

    [OneTimeSetUp]
    public async Task CaptureFontPageAsync()
    {
        Server.MapHtml("/fonts.html", Page);
        Server.MapContent("/fonts/wide.ttf", "font/ttf", await File.ReadAllBytesAsync(FontFile));
        Server.MapContent("/img/srcset-blue.png", "image/png", Fixtures.BluePng);
        Server.MapContent("/img/svg-red.png", "image/png", Fixtures.RedPng);
        _captured = await CaptureAsync(Server.Url("/fonts.html"));
        Assert.That(_captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), _captured.Result.Reason);
    }

    [Test]
    public async Task Web_font_renders_in_the_offline_copy_as_on_the_live_page()
    {
        var live = await (await ViewerAsync()).NewContextAsync();
        double liveWidth;
        try
        {
            var page = await live.NewPageAsync();
            await page.GotoAsync(Server.Url("/fonts.html").AbsoluteUri);
            await page.EvaluateAsync("() => document.fonts.ready");
            liveWidth = await page.EvaluateAsync<double>(WideWidth);
        }
        finally
        {
            await live.CloseAsync();
        }

        Assert.That(liveWidth, Is.EqualTo(160).Within(2), "the live page uses the web font");
        await using var view = await OpenOfflineAsync(_captured.PathOf(ArtifactKinds.Html));
        await view.Page.EvaluateAsync("() => document.fonts.ready");
        Assert.That(await view.Page.EvaluateAsync<bool>(
            "() => [...document.fonts].some(f => f.family.replaceAll('\"', '') === 'LinkSnapWide' && f.status === 'loaded')"), Is.True, "the web font is in the copy");
        Assert.That(await view.Page.EvaluateAsync<double>(WideWidth), Is.EqualTo(liveWidth).Within(0.5), "text is as wide as on the live page");
        Assert.That(view.Attempted, Is.Empty, "the saved copy makes no request");
    }

    [Test]
    public async Task Srcset_and_svg_images_are_in_the_offline_copy()
    {
        await using var view = await OpenOfflineAsync(_captured.PathOf(ArtifactKinds.Html));
        Assert.That(await view.Page.EvaluateAsync<int>("() => document.getElementById('srcset-only').naturalWidth"), Is.EqualTo(64), "image chosen from srcset");
        var shot = await view.Page.Locator("#svg").ScreenshotAsync(new LocatorScreenshotOptions { Type = ScreenshotType.Png });
        Assert.That(await CountPixelsAsync(shot, 255, 0, 0), Is.GreaterThan(120 * 120 * 9 / 10), "the SVG <image> is drawn");
        Assert.That(view.Attempted, Is.Empty, "the saved copy makes no request");
    }
}
