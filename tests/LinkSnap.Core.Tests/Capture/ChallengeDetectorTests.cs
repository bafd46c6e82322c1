using LinkSnap.Core.Capture;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Capture;

public sealed class ChallengeDetectorTests
{
    [Test]
    public void Http_errors_are_errors() =>
        Assert.That(ChallengeDetector.Detect(503, "Service Unavailable", "Down", "", 0, []), Is.EqualTo("HTTP 503 Service Unavailable"));

    [Test]
    public void Cloudflare_interstitial_is_a_challenge() =>
        Assert.That(ChallengeDetector.Detect(200, "OK", "Just a moment...", "Checking your browser", 40, []), Does.Contain("challenge"));

    [Test]
    public void Captcha_widget_on_a_short_page_is_a_challenge() =>
        Assert.That(ChallengeDetector.Detect(200, "OK", "Welcome", "Please continue", 20, [".g-recaptcha"]), Does.Contain(".g-recaptcha"));

    [Test]
    public void Long_article_mentioning_captchas_is_content()
    {
        var text = string.Concat(Enumerable.Repeat("Researchers asked people to verify you are human prompts. ", 100));
        Assert.That(ChallengeDetector.Detect(200, "OK", "Why captchas fail", text, text.Length, [".g-recaptcha"]), Is.Null);
    }

    [Test]
    public void Ordinary_page_is_content() =>
        Assert.That(ChallengeDetector.Detect(200, "OK", "Recipes", "Bread and butter", 16, []), Is.Null);
}
