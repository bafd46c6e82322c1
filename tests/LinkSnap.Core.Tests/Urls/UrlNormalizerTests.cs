using LinkSnap.Core.Urls;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Urls;

public sealed class UrlNormalizerTests
{
    [TestCase("HTTPS://Example.ORG/Path", "https://example.org/Path")]
    [TestCase("https://example.org:443/a", "https://example.org/a")]
    [TestCase("http://example.org:80/a", "http://example.org/a")]
    [TestCase("http://example.org:8080/a", "http://example.org:8080/a")]
    [TestCase("https://example.org", "https://example.org/")]
    [TestCase("https://example.org/a#section-2", "https://example.org/a")]
    [TestCase("https://example.org/a?b=2&a=1", "https://example.org/a?a=1&b=2")]
    [TestCase("https://example.org/a?utm_source=x&utm_medium=y&id=7&fbclid=abc&gclid=def", "https://example.org/a?id=7")]
    [TestCase("https://example.org/a?utm_source=x", "https://example.org/a")]
    [TestCase("https://bücher.example/a", "https://xn--bcher-kva.example/a")]
    [TestCase("https://例子.测试/页面", "https://xn--fsqu00a.xn--0zwm56d/%E9%A1%B5%E9%9D%A2")]
    [TestCase("http://[::1]:8080/x", "http://[::1]:8080/x")]
    public void Normalizes(string input, string expected)
    {
        Assert.That(UrlNormalizer.Normalize(new Uri(input)), Is.EqualTo(expected));
    }

    [Test]
    public void The_same_page_with_tracking_and_fragment_is_the_same_link()
    {
        var a = UrlNormalizer.Normalize(new Uri("https://WWW.example.org/post?id=1&utm_campaign=x#top"));
        var b = UrlNormalizer.Normalize(new Uri("https://www.example.org:443/post?id=1"));
        Assert.That(a, Is.EqualTo(b));
    }

    [TestCase("https://www.Example.org/a", "example.org")]
    [TestCase("https://blog.example.org/a", "blog.example.org")]
    [TestCase("http://127.0.0.1:5000/", "127.0.0.1")]
    public void Site_is_the_host_without_www(string input, string expected)
    {
        Assert.That(UrlNormalizer.Site(new Uri(input)), Is.EqualTo(expected));
    }
}
