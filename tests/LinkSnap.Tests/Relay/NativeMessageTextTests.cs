using System.Text;
using System.Text.Json;
using LinkSnap.Daemon;
using LinkSnap.Native;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace LinkSnap.Tests.Relay;

/// <summary>
/// The daemon's side of the protocol refuses the same malformed text as the relay (a message may reach
/// the socket without the relay): an error reply, never an exception (which was a 500 and `internal`).
/// </summary>
[TestFixture]
public sealed class NativeMessageTextTests
{
    [TestCase("""{"type":"ping","type":"ping"}""", "bad-message")]
    [TestCase("""{"type":"capture","url":"https://e.org/","url":"https://f.org/"}""", "bad-message")]
    [TestCase("""{"type":"status","snapshotId":"\ud800"}""", "bad-json")]
    [TestCase("""{"type":"lookup-url","url":"https://e.org/\udfff"}""", "bad-json")]
    public async Task Repeated_keys_and_lone_surrogates_get_a_protocol_error(string json, string code)
    {
        var reply = await HandleAsync(Encoding.UTF8.GetBytes(json));

        Assert.That(reply.GetProperty("ok").GetBoolean(), Is.False);
        Assert.That(reply.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo(code));
    }

    [Test]
    public async Task Overlong_utf8_gets_bad_json()
    {
        byte[] body = [.. """{"type":"lookup-url","url":"https://e.org/"""u8, 0xC0, 0xAF, .. "\"}"u8];

        var reply = await HandleAsync(body);

        Assert.That(reply.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("bad-json"));
    }

    private static async Task<JsonElement> HandleAsync(byte[] body)
    {
        // The text is refused before any service is asked: the dispatcher gets none.
        var handler = new NativeMessageHandler(new NativeMessageDispatcher(null!, new DaemonState { SocketPath = "/nonexistent/linksnap.sock" }, null!, null!), NullLogger<NativeMessageHandler>.Instance);
        var reply = await handler.HandleAsync(new MemoryStream(body), CancellationToken.None);
        return JsonDocument.Parse(reply).RootElement.Clone();
    }
}
