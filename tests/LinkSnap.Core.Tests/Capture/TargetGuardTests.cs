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
    [TestCase("198.18.0.1")]
    [TestCase("198.19.255.254")]
    [TestCase("224.0.0.251")]
    [TestCase("239.255.255.250")]
    [TestCase("240.0.0.1")]
    [TestCase("255.255.255.255")]
    [TestCase("192.0.0.170")]
    [TestCase("ff02::1")]
    [TestCase("ff05::fb")]
    [TestCase("::")]
    [TestCase("::127.0.0.1")]
    [TestCase("::10.0.0.1")]
    [TestCase("::ffff:127.0.0.1")]
    [TestCase("::ffff:0:10.1.2.3")]
    [TestCase("64:ff9b::127.0.0.1")]
    [TestCase("64:ff9b::192.168.1.1")]
    [TestCase("64:ff9b::a9fe:a9fe")]
    [TestCase("64:ff9b:1::8.8.8.8")]
    [TestCase("2002:7f00:1::1")]
    [TestCase("2002:c0a8:101::")]
    [TestCase("2002:a00:1:2:3:4:5:6")]
    [TestCase("2001:0:4136:e378:8000:63bf:80ff:fffe")]
    public void Private_addresses_are_private(string address) =>
        Assert.That(TargetGuard.IsPrivate(IPAddress.Parse(address)), Is.True);

    [TestCase("93.184.216.34")]
    [TestCase("172.32.0.1")]
    [TestCase("8.8.8.8")]
    [TestCase("2606:4700::1111")]
    [TestCase("198.20.0.1")]
    [TestCase("223.255.255.255")]
    [TestCase("192.0.2.1")]
    [TestCase("64:ff9b::8.8.8.8")]
    [TestCase("2002:808:808::1")]
    [TestCase("::ffff:93.184.216.34")]
    public void Public_addresses_are_not(string address) =>
        Assert.That(TargetGuard.IsPrivate(IPAddress.Parse(address)), Is.False);

    [Test]
    public async Task Literal_private_address_is_refused_without_dns()
    {
        var e = await Assert.ThrowsAsync<CaptureFailureException>(() => new TargetGuard(false).ResolveAsync("192.168.0.10", CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("192.168.0.10 is a loopback/private/link-local address"));
    }

    [TestCase("[64:ff9b::7f00:1]")]
    [TestCase("[2002:7f00:1::1]")]
    [TestCase("[::7f00:1]")]
    [TestCase("198.18.0.1")]
    [TestCase("239.1.2.3")]
    [TestCase("240.1.2.3")]
    public async Task Translated_and_reserved_forms_are_refused_by_the_guard(string host)
    {
        var e = await Assert.ThrowsAsync<CaptureFailureException>(() => new TargetGuard(false).ResolveAsync(host, CancellationToken.None));
        Assert.That(e!.Message, Does.Contain("is a loopback/private/link-local address"));
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
