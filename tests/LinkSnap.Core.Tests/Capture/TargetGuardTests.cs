using System.Net;
using LinkSnap.Core.Capture.Fetching;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Capture;

public sealed class TargetGuardTests
{
    [TestCase("127.0.0.1")]
    [TestCase("127.8.9.10")]
    [TestCase("10.0.0.1")]
    [TestCase("172.16.0.1")]
    [TestCase("172.31.255.255")]
    [TestCase("192.168.1.1")]
    [TestCase("169.254.169.254")]
    [TestCase("100.64.0.1")]
    [TestCase("0.0.0.0")]
    [TestCase("::1")]
    [TestCase("fe80::1")]
    [TestCase("fd00::1")]
    [TestCase("::ffff:192.168.0.1")]
    public void Private_addresses_are_private(string address) =>
        Assert.That(TargetGuard.IsPrivate(IPAddress.Parse(address)), Is.True);

    [TestCase("93.184.216.34")]
    [TestCase("172.32.0.1")]
    [TestCase("8.8.8.8")]
    [TestCase("2606:4700::1111")]
    public void Public_addresses_are_not(string address) =>
        Assert.That(TargetGuard.IsPrivate(IPAddress.Parse(address)), Is.False);

    [Test]
    public async Task Literal_private_address_is_refused_without_dns()
    {
        var e = await Assert.ThrowsAsync<CaptureFailureException>(() => new TargetGuard(false).ResolveAsync("192.168.0.10", CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("192.168.0.10 is a loopback/private/link-local address"));
    }

    [Test]
    public async Task Private_address_is_allowed_when_the_setting_says_so()
    {
        var addresses = await new TargetGuard(true).ResolveAsync("127.0.0.1", CancellationToken.None);
        Assert.That(addresses, Is.EqualTo(new[] { IPAddress.Loopback }));
    }

    [TestCase("file:///etc/passwd")]
    [TestCase("javascript:alert(1)")]
    [TestCase("data:text/plain,hi")]
    [TestCase("chrome://settings")]
    public void Non_http_schemes_are_refused(string url)
    {
        var e = Assert.Throws<CaptureFailureException>(() => TargetGuard.EnsureHttpScheme(new Uri(url)));
        Assert.That(e!.Message, Does.StartWith("Only http and https links can be captured"));
    }
}
