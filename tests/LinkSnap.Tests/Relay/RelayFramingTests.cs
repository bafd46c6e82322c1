using System.Text;
using System.Text.Json;
using LinkSnap.Shared;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Relay;

/// <summary>
/// The published (NativeAOT) relay process, driven through its real stdin/stdout with native-messaging
/// frames. No daemon runs here (LINKSNAP_RELAY_NO_START), so messages that pass validation are answered
/// "daemon-unavailable" with their id: enough to check framing, validation and stdout hygiene.
/// </summary>
[TestFixture]
public sealed class RelayFramingTests
{
    private string _relay = null!;
    private TempDirectory _home = null!;

    [OneTimeSetUp]
    public async Task PublishAsync() => _relay = await RelayBinary.GetAsync();

    [SetUp]
    public void CreateHome() => _home = new TempDirectory();

    [TearDown]
    public void DeleteHome() => _home.Dispose();

    private Dictionary<string, string> Env => new() { ["LINKSNAP_HOME"] = _home.Path, ["LINKSNAP_RELAY_NO_START"] = "1" };

    [Test]
    public async Task Each_message_in_a_stream_gets_one_reply_in_order_with_its_multibyte_id()
    {
        string[] ids = ["模型-日本語-한국어", "emoji 🙂🎉 é ß", "plain"];
        var input = ids.SelectMany(id => RelayRun.Frame(JsonSerializer.Serialize(new { id, type = "ping" }))).ToArray();

        var run = await RelayRun.RunAsync(_relay, input, Env);

        var frames = run.Frames();
        Assert.That(frames.Select(f => f.GetProperty("id").GetString()), Is.EqualTo(ids));
        Assert.That(frames.Select(f => f.GetProperty("error").GetProperty("code").GetString()), Is.All.EqualTo("daemon-unavailable"));
        Assert.That(run.ExitCode, Is.EqualTo(0));
    }

    [Test]
    public async Task Validation_errors_name_the_field_and_keep_the_stream_going()
    {
        var input = new[]
        {
            """{"id":"a","type":"capture"}""",
            """{"id":"b","type":"capture","url":"https://example.org/","tags":["ok",3]}""",
            """{"id":"c","type":"capture","url":"https://example.org/","mode":"sideways"}""",
            """{"id":"d","type":"teleport"}""",
            """{"id":"e","type":"tags","limit":"ten"}""",
            """{"id":"f","type":"ping","extra":true}""",
            """[1,2,3]""",
            """{"type":"ping"}""",
        }.SelectMany(RelayRun.Frame).Concat(RelayRun.Frame([])).Concat(RelayRun.Frame("""{"id":"last","type":"ping"}""")).ToArray();

        var run = await RelayRun.RunAsync(_relay, input, Env);

        var frames = run.Frames();
        var codes = frames.Select(f => f.GetProperty("error").GetProperty("code").GetString()).ToList();
        Assert.That(codes, Is.EqualTo(new[]
        {
            "bad-message", "bad-message", "bad-message", "unknown-type", "bad-message", "bad-message", "bad-json", "bad-message",
            "bad-frame", "daemon-unavailable",
        }));
        Assert.That(frames[0].GetProperty("error").GetProperty("message").GetString(), Does.Contain("\"url\" is required"));
        Assert.That(frames[2].GetProperty("error").GetProperty("message").GetString(), Does.Contain("fresh, as-seen"));
        Assert.That(frames[^1].GetProperty("id").GetString(), Is.EqualTo("last"));
    }

    [Test]
    public async Task An_as_seen_page_at_the_html_limit_passes_and_one_character_more_is_too_large()
    {
        // The limit generated from protocol.json: the relay's field rule and this constant are one number.
        var atLimit = CaptureWithHtml("at", Limits.MaxHtmlBytes);
        var over = CaptureWithHtml("over", Limits.MaxHtmlBytes + 1);

        var run = await RelayRun.RunAsync(_relay, [.. RelayRun.Frame(atLimit), .. RelayRun.Frame(over)], Env);

        var frames = run.Frames();
        Assert.That(frames.Select(f => f.GetProperty("id").GetString()), Is.EqualTo(new[] { "at", "over" }));
        Assert.That(frames[0].GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("daemon-unavailable"));
        Assert.That(frames[1].GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("too-large"));
    }

    [Test]
    public async Task A_frame_of_exactly_the_generated_request_limit_is_read_and_one_byte_more_closes_the_stream_with_bad_frame()
    {
        var exact = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = "big", type = "ping", pad = "" }));
        var padded = new byte[Limits.MaxRequestBytes];
        Array.Fill(padded, (byte)' ');
        exact.CopyTo(padded, 0);

        var run = await RelayRun.RunAsync(_relay, [.. RelayRun.Frame(padded), .. RelayRun.Frame("""{"id":"after","type":"ping"}""")], Env);
        var frames = run.Frames();
        Assert.That(frames.Select(f => f.GetProperty("id").GetString()), Is.EqualTo(new[] { "big", "after" }));
        Assert.That(frames[0].GetProperty("error").GetProperty("message").GetString(), Does.Contain("\"pad\""));

        var header = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header, Limits.MaxRequestBytes + 1);
        var tooBig = await RelayRun.RunAsync(_relay, [.. header, .. new byte[1024]], Env);
        Assert.That(tooBig.Frames().Single().GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("bad-frame"));
        Assert.That(tooBig.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public async Task Only_linksnap_extensions_may_call_the_relay()
    {
        var ping = RelayRun.Frame("""{"id":"p","type":"ping"}""");

        var stranger = await RelayRun.RunAsync(_relay, ping, Env, ["chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"]);
        var firefox = await RelayRun.RunAsync(_relay, ping, Env, ["/home/u/.mozilla/native-messaging-hosts/com.linksnap.relay.json", "linksnap@linksnap.local"]);
        var none = await RelayRun.RunAsync(_relay, ping, Env, []);
        File.WriteAllText(Path.Combine(_home.Path, "native-origins.json"), """["chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"]""");
        var storeId = await RelayRun.RunAsync(_relay, ping, Env, ["chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"]);

        Assert.That(stranger.Frames().Single().GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("forbidden-origin"));
        Assert.That(stranger.ExitCode, Is.EqualTo(1));
        Assert.That(none.Frames().Single().GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("forbidden-origin"));
        Assert.That(firefox.Frames().Single().GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("daemon-unavailable"));
        Assert.That(storeId.Frames().Single().GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("daemon-unavailable"));
    }

    [Test]
    public async Task Without_a_daemon_to_start_the_reply_says_how_to_fix_it_and_the_log_file_records_it()
    {
        var env = new Dictionary<string, string> { ["LINKSNAP_HOME"] = _home.Path, ["LINKSNAP_EXE"] = Path.Combine(_home.Path, "no-such-linksnap") };

        var run = await RelayRun.RunAsync(_relay, RelayRun.Frame("""{"id":"p","type":"ping"}"""), env);

        var error = run.Frames().Single().GetProperty("error");
        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("daemon-unavailable"));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("no-such-linksnap").And.Contain("linksnap install"));
        Assert.That(File.ReadAllText(Path.Combine(_home.Path, "logs", "relay.log")), Does.Contain("no-such-linksnap"));
    }

    private static string CaptureWithHtml(string id, int length) =>
        JsonSerializer.Serialize(new { id, type = "capture", url = "https://example.org/", mode = "as-seen", html = new string('x', length) });
}
