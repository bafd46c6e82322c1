using System.Text;
using LinkSnap.Relay.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Relay;

/// <summary>
/// The relay's hand-written HTTP reader (the exchange with a real daemon is covered by the relay's
/// end-to-end tests). A reply it cannot trust must become an error, never a wrong body.
/// </summary>
[TestFixture]
public sealed class DaemonClientTests
{
    private static byte[] Reply(string text) => Encoding.UTF8.GetBytes(text);

    [Test]
    public void Status_and_body_come_from_a_reply_with_content_length()
    {
        var (status, body) = DaemonClient.ParseResponse(Reply(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\nServer: Kestrel\r\n\r\n{\"ok\":true}"));

        Assert.That(status, Is.EqualTo(200));
        Assert.That(Encoding.UTF8.GetString(body), Is.EqualTo("{\"ok\":true}"));
    }

    [Test]
    public void An_error_status_with_an_empty_body_is_read_as_such()
    {
        var (status, body) = DaemonClient.ParseResponse(Reply("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));

        Assert.That(status, Is.EqualTo(404));
        Assert.That(body, Is.Empty);
    }

    [TestCase("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"ok\":", "cut off after 6 of 11 bytes")]
    [TestCase("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nb\r\n{\"ok\":true}\r\n0\r\n\r\n", "no Content-Length")]
    [TestCase("HTTP/1.1 200 OK\r\nContent-Length: 2", "ended before its headers")]
    [TestCase("SSH-2.0-OpenSSH\r\n\r\n", "not HTTP")]
    public void A_reply_that_cannot_be_trusted_is_an_error(string reply, string reason)
    {
        var error = Assert.Throws<IOException>(() => DaemonClient.ParseResponse(Reply(reply)));
        Assert.That(error!.Message, Does.Contain(reason));
    }
}
