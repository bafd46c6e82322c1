using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Relay;

/// <summary>
/// Thousands of random and malformed frames into the real relay: it must answer each framed message with
/// exactly one valid error frame, never crash, never hang, and never put anything else on stdout.
/// Seeded, so a failure can be replayed.
/// </summary>
[TestFixture]
public sealed class RelayFuzzTests
{
    private const int Seed = 20261128;
    private static readonly string[] KnownCodes =
        ["bad-frame", "bad-json", "bad-message", "unknown-type", "too-large", "daemon-unavailable"];

    private string _relay = null!;
    private TempDirectory _home = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _relay = await RelayBinary.GetAsync();
        _home = new TempDirectory();
    }

    [OneTimeTearDown]
    public void TearDown() => _home.Dispose();

    private Dictionary<string, string> Env => new() { ["LINKSNAP_HOME"] = _home.Path, ["LINKSNAP_RELAY_NO_START"] = "1" };

    [Test]
    public async Task Three_thousand_random_frames_in_one_stream_get_one_valid_reply_each()
    {
        var random = new Random(Seed);
        var bodies = Enumerable.Range(0, 3000).Select(i => RandomBody(random, i)).ToList();
        var input = bodies.SelectMany(RelayRun.Frame).ToArray();

        var run = await RelayRun.RunAsync(_relay, input, Env, limit: TimeSpan.FromSeconds(120));

        var frames = run.Frames();
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(frames, Has.Count.EqualTo(bodies.Count));
        Assert.That(frames.Select(f => f.GetProperty("ok").GetBoolean()), Is.All.False);
        Assert.That(frames.Select(f => f.GetProperty("error").GetProperty("code").GetString()), Is.All.AnyOf(KnownCodes));
    }

    [Test]
    public async Task Bad_text_and_repeated_keys_get_an_error_each_and_the_stream_goes_on()
    {
        byte[][] bodies =
        [
            [.. Utf8("{\"id\":\"a"), .. (byte[])[0xFF, 0xFE], .. Utf8("\",\"type\":\"ping\"}")],     // stray bytes inside the id
            Utf8("""{"id":"\ud800","type":"ping"}"""),                             // lone surrogate escape in the id
            Utf8("""{"id":"b","type":"ping","x":"\udc00\ud800"}"""),              // reversed pair elsewhere
            [.. Utf8("{\"id\":\""), .. (byte[])[0xED, 0xA0, 0x80], .. Utf8("\",\"type\":\"ping\"}")],   // surrogate encoded as UTF-8 (CESU)
            [.. Utf8("{\"id\":\""), .. (byte[])[0xC0, 0xAF], .. Utf8("\",\"type\":\"ping\"}")],         // overlong '/'
            [.. Utf8("{\"id\":\""), .. (byte[])[0xE0, 0x80, 0xAF], .. Utf8("\",\"type\":\"ping\"}")],   // overlong '/' in three bytes
            [.. Utf8("{\"id\":\""), .. (byte[])[0xF4, 0x90, 0x80, 0x80], .. Utf8("\",\"type\":\"ping\"}")], // above U+10FFFF
            Utf8("""{"id":"d","type":"ping","type":"status"}"""),                  // repeated key
            Utf8("""{"id":"e","type":"capture","url":"https://e.org/","tags":["a"],"tags":["b"]}"""),
            Utf8("""{"id":"f","type":"ping","a":{"k":1,"k":2}}"""),                // repeated key in a nested object
            Utf8("""{"id":"g","type":"ping"}"""),                                   // still served afterwards
        ];
        string[] expected =
        [
            "bad-json", "bad-json", "bad-json", "bad-json", "bad-json", "bad-json", "bad-json",
            "bad-message", "bad-message", "bad-message", "daemon-unavailable",
        ];

        var run = await RelayRun.RunAsync(_relay, [.. bodies.SelectMany(RelayRun.Frame)], Env, limit: TimeSpan.FromSeconds(60));

        var frames = run.Frames();
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(frames.Select(f => f.GetProperty("error").GetProperty("code").GetString()), Is.EqualTo(expected));
        Assert.That(frames[^1].GetProperty("id").GetString(), Is.EqualTo("g"));
    }

    [Test]
    public async Task Broken_streams_end_with_a_bad_frame_reply_and_a_clean_exit()
    {
        var random = new Random(Seed + 1);
        for (var i = 0; i < 120; i++)
        {
            var valid = random.Next(0, 3);
            var input = new List<byte>();
            for (var v = 0; v < valid; v++)
            {
                input.AddRange(RelayRun.Frame($$"""{"id":"v{{v}}","type":"ping"}"""));
            }

            input.AddRange(BrokenTail(random));
            var run = await RelayRun.RunAsync(_relay, [.. input], Env, limit: TimeSpan.FromSeconds(20));

            var frames = run.Frames();
            Assert.That(run.ExitCode, Is.EqualTo(1), $"case {i}: {run.Stderr}");
            Assert.That(frames, Has.Count.EqualTo(valid + 1), $"case {i}");
            Assert.That(frames[^1].GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("bad-frame"), $"case {i}");
        }
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] RandomBody(Random random, int i)
    {
        switch (random.Next(11))
        {
            case 8:
                return Utf8($$"""{"id":"s{{i}}\u{{random.Next(0xD800, 0xE000):x4}}","type":"ping"}""");
            case 9:
                byte[][] overlong = [[0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x9F, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xED, 0xB0, 0x80]];
                return [.. Utf8("{\"id\":\"o"), .. overlong[random.Next(overlong.Length)], .. Utf8("\",\"type\":\"ping\"}")];
            case 10:
                return Utf8($$"""{"id":"k{{i}}","type":"ping","id":"k{{i}}"}""");
            case 0:
                var bytes = new byte[random.Next(1, 300)];
                random.NextBytes(bytes);
                return bytes;
            case 1:
                return Encoding.UTF8.GetBytes(new string('[', random.Next(1, 5000)));
            case 2:
                return [0xC3, 0x28, (byte)'{', 0xFF, 0xFE];
            case 3:
                return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = $"n{i}", type = RandomText(random), url = 42 }));
            case 4:
                return Encoding.UTF8.GetBytes($$"""{"id":"t{{i}}","type":"capture","url":"https://e.org/","tags":{{RandomJsonValue(random)}}}""");
            case 5:
                return Encoding.UTF8.GetBytes($$"""{"id":{{RandomJsonValue(random)}},"type":"ping"}""");
            case 6:
                var json = Encoding.UTF8.GetBytes($$"""{"id":"c{{i}}","type":"status","snapshotId":"s1"}""");
                return json[..random.Next(1, json.Length)];
            default:
                return Encoding.UTF8.GetBytes($$"""{"id":"x{{i}}","type":"tags","limit":{{random.Next(-5, 5000)}},"prefix":{{RandomJsonValue(random)}}}""");
        }
    }

    private static IEnumerable<byte> BrokenTail(Random random)
    {
        var header = new byte[4];
        switch (random.Next(4))
        {
            case 0:
                return new byte[random.Next(1, 4)];
            case 1:
                BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)random.NextInt64(64L * 1024 * 1024 + 1, uint.MaxValue));
                return header;
            case 2:
                BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)random.Next(10, 5000));
                return header.Concat(Encoding.UTF8.GetBytes("""{"id":"cut","type":"pi"""));
            default:
                BinaryPrimitives.WriteUInt32LittleEndian(header, 0x7FFFFFFF);
                return header.Concat(new byte[random.Next(0, 100)]);
        }
    }

    private static string RandomText(Random random) =>
        new([.. Enumerable.Range(0, random.Next(0, 20)).Select(_ => (char)random.Next(0x20, 0x3000))]);

    private static string RandomJsonValue(Random random) => random.Next(6) switch
    {
        0 => "null",
        1 => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => JsonSerializer.Serialize(RandomText(random)),
        3 => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 5)).Select(_ => JsonSerializer.Serialize(RandomText(random)))) + "]",
        4 => "{\"a\":{\"b\":[true,false]}}",
        _ => "1e309",
    };
}
