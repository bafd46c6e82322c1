using LinkSnap.Core.Urls;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Urls;

public sealed class UrlRulesTests
{
    [TestCase("https://example.org/page")]
    [TestCase("http://example.org")]
    [TestCase("  HTTPS://Example.ORG/a?b=1  ")]
    [TestCase("http://127.0.0.1:8080/x")]
    [TestCase("http://[::1]:8080/x")]
    [TestCase("https://bücher.example/straße")]
    public void Accepts_http_and_https(string input)
    {
        var url = UrlRules.Parse(input);
        Assert.That(url.Scheme, Is.AnyOf("http", "https"));
    }

    [TestCase("file:///etc/passwd", "file: URLs name files on this computer")]
    [TestCase("javascript:alert(1)", "javascript: URLs are scripts")]
    [TestCase("data:text/html,<h1>x</h1>", "data: URLs carry their content inline")]
    [TestCase("chrome://settings", "chrome: URLs are browser-internal")]
    [TestCase("ftp://example.org/file", "ftp: URLs cannot be captured")]
    [TestCase("", "The URL is empty")]
    [TestCase("   ", "The URL is empty")]
    [TestCase("example.org/page", "has no scheme: write it as https://example.org/page")]
    [TestCase("http://", "not a valid URL")]
    [TestCase("http://exa mple.org/", "not a valid URL")]
    [TestCase("https:///path-only", "not a valid URL")]
    public void Refuses_with_a_reason_a_person_can_act_on(string input, string expected)
    {
        var error = Assert.Throws<UrlRejectedException>(() => UrlRules.Parse(input))!;
        Assert.That(error.Message, Does.Contain(expected));
        Assert.That(UrlRules.TryParse(input, out _, out var message), Is.False);
        Assert.That(message, Is.EqualTo(error.Message));
    }

    // What a person types into a box: a bare host (with a dot) and path gets https://; anything else is left for Parse.
    [TestCase("example.org/page", "https://example.org/page")]
    [TestCase(" news.example.co.uk ", "https://news.example.co.uk")]
    [TestCase("10.1.2.3:8080/x?y=1", "https://10.1.2.3:8080/x?y=1")]
    [TestCase("例子.中国/页面", "https://例子.中国/页面")]
    [TestCase("http://example.org", "http://example.org")]
    [TestCase("javascript:alert(1)", "javascript:alert(1)")]
    [TestCase("mailto:someone@example.org", "mailto:someone@example.org")]
    [TestCase("localhost/x", "localhost/x")]
    [TestCase("just words", "just words")]
    public void A_bare_host_typed_in_a_box_gets_https(string typed, string expected) =>
        Assert.That(UrlRules.AssumeHttps(typed), Is.EqualTo(expected));

    [Test]
    public void Refuses_a_100_KB_url_and_says_the_limit()
    {
        var huge = "https://example.org/?q=" + new string('a', 100 * 1024);
        var error = Assert.Throws<UrlRejectedException>(() => UrlRules.Parse(huge))!;
        Assert.That(error.Message, Does.Contain("the limit is 8,192"));
        Assert.That(error.Message.Length, Is.LessThan(300), "the message must not echo the whole URL");
    }

    [Test]
    public void Accepts_a_url_at_the_limit()
    {
        var url = "https://example.org/?q=";
        url += new string('a', UrlRules.MaxLength - url.Length);
        Assert.That(UrlRules.Parse(url).AbsoluteUri, Has.Length.EqualTo(UrlRules.MaxLength));
    }
}
