using NUnit.Framework;

namespace LinkSnap.Browser.Tests.Library;

/// <summary>
/// At phone width (390 px) no main page of the library is wider than the screen: the header used to
/// overflow (brand, four section links, language, theme and sign-out in one row). Screenshots of each.
/// </summary>
[TestFixture]
public sealed class LibraryPhoneWidthTests : LibraryPageTestBase
{
    protected override void MapSite(LinkSnap.Testing.FixtureServer site) => LibraryPages.Map(site);

    [TestCase("/")]
    [TestCase("/tags")]
    [TestCase("/import")]
    [TestCase("/queue")]
    public async Task A_main_page_is_no_wider_than_a_390_px_screen(string path)
    {
        await Page.SetViewportSizeAsync(390, 844);
        await GotoAsync(path);

        var widths = await Page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, window.innerWidth, document.querySelector('header.top').scrollWidth]");
        var (scrollWidth, viewport, headerWidth) = (widths[0], widths[1], widths[2]);
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var shot = Path.Combine(folder, $"{nameof(LibraryPhoneWidthTests)}-{path.Trim('/') switch { "" => "library", var p => p }}-phone.png");
        await Page.ScreenshotAsync(new() { Path = shot });
        TestContext.AddTestAttachment(shot, $"{path} at 390 px");

        Assert.That(headerWidth, Is.LessThanOrEqualTo(viewport), "the header fits");
        Assert.That(scrollWidth, Is.LessThanOrEqualTo(viewport), "the page scrolls only vertically");
        Assert.That(await Page.Locator("nav.nav a[data-section=queue]").IsVisibleAsync(), Is.True, "every section link is still there");
    }
}
