using System.Net.Http.Json;
using System.Text.Json;
using LinkSnap.Core.Capture;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using LinkSnap.Tests.Jobs;
using LinkSnap.Tests.Relay;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace LinkSnap.Tests.Native;

/// <summary>
/// The popup's messages for a saved link, `lookup-url` and `update-link` (docs/protocol.md): a real
/// daemon answers them on its socket's /api/native as it does for the relay, and the published relay
/// refuses malformed ones before they reach it.
/// </summary>
[TestFixture]
public sealed class NativeLinkMessagesTests
{
    private TestDaemon _daemon = null!;
    private HttpClient _socket = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var engine = new FakeCaptureEngine((request, folder, progress, _) => FakeCaptureEngine.SaveAsync(request, folder, progress));
        _daemon = await TestDaemon.StartAsync(s => s.AddSingleton<ICaptureEngine>(engine));
        _socket = _daemon.CreateSocketClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _socket.Dispose();
        await _daemon.DisposeAsync();
    }

    [Test]
    public async Task Lookup_gives_a_saved_links_tags_note_states_and_the_watch_it_gets_through_a_tag()
    {
        var linkId = await SaveAsync("https://example.com/lookup", ["reading", "Science/Oceans"], "first note");
        using var tagWatch = await _socket.PutAsJsonAsync("/api/tags/watch", new { tag = "Science", every = "daily" });
        Assert.That(tagWatch.IsSuccessStatusCode, Is.True, await tagWatch.Content.ReadAsStringAsync());

        var found = await ResultAsync(new { type = "lookup-url", url = "https://EXAMPLE.com/lookup#section" });
        Assert.That(found.GetProperty("saved").GetBoolean(), Is.True);
        Assert.That(found.GetProperty("linkId").GetInt64(), Is.EqualTo(linkId));
        Assert.That(found.GetProperty("snapshotCount").GetInt32(), Is.EqualTo(1));
        Assert.That(Tags(found), Is.EquivalentTo(new[] { "reading", "Science/Oceans" }));
        Assert.That(found.GetProperty("note").GetString(), Is.EqualTo("first note"));
        Assert.That(found.GetProperty("states").GetProperty("favorite").GetBoolean(), Is.False);
        Assert.That(found.GetProperty("watch").GetProperty("every").GetString(), Is.EqualTo("daily"));
        Assert.That(found.GetProperty("watch").GetProperty("tag").GetString(), Is.EqualTo("Science"));

        var missing = await ResultAsync(new { type = "lookup-url", url = "https://example.com/never-saved" });
        Assert.That(missing.GetProperty("saved").GetBoolean(), Is.False);
        Assert.That(await ErrorCodeAsync(new { type = "lookup-url", url = "ftp://example.com/file" }), Is.EqualTo("invalid-url"));
    }

    [Test]
    public async Task Update_link_changes_tags_note_and_watch_without_a_new_version()
    {
        var linkId = await SaveAsync("https://example.com/update", ["keep", "drop"], "old note");

        var updated = await ResultAsync(new { type = "update-link", linkId, tags = new[] { "keep", "新标签" }, note = "new note", favorite = true, archived = true, watch = "weekly" });

        Assert.That(Tags(updated), Is.EquivalentTo(new[] { "keep", "新标签" }));
        Assert.That(updated.GetProperty("watch").GetProperty("every").GetString(), Is.EqualTo("weekly"));
        Assert.That(updated.GetProperty("watch").GetProperty("tag").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var link = await _socket.GetFromJsonAsync<JsonElement>($"/api/links/{linkId}");
        Assert.That(Tags(link), Is.EquivalentTo(new[] { "keep", "新标签" }));
        Assert.That(link.GetProperty("note").GetString(), Is.EqualTo("new note"));
        Assert.That((link.GetProperty("favorite").GetBoolean(), link.GetProperty("archived").GetBoolean(), link.GetProperty("read").GetBoolean()), Is.EqualTo((true, true, false)));
        Assert.That(updated.GetProperty("states").GetProperty("favorite").GetBoolean(), Is.True);
        Assert.That(link.GetProperty("snapshotCount").GetInt32(), Is.EqualTo(1), "an edit makes no new version");
        var watch = await _socket.GetFromJsonAsync<JsonElement>($"/api/links/{linkId}/watch");
        Assert.That(watch.GetProperty("every").GetString(), Is.EqualTo("weekly"));

        // Fields left out stay as they are.
        var untouched = await ResultAsync(new { type = "update-link", linkId = linkId.ToString(), archived = false });
        Assert.That(untouched.GetProperty("note").GetString(), Is.EqualTo("new note"));
        Assert.That(untouched.GetProperty("states").GetProperty("favorite").GetBoolean(), Is.True);
        Assert.That(untouched.GetProperty("states").GetProperty("archived").GetBoolean(), Is.False);
        Assert.That(Tags(untouched), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Update_link_refuses_an_unknown_link_and_bad_input_with_clear_errors_and_changes_nothing()
    {
        var linkId = await SaveAsync("https://example.com/refused", ["one"], "note");

        Assert.That(await ErrorCodeAsync(new { type = "update-link", linkId = 987654, note = "x" }), Is.EqualTo("not-found"));
        Assert.That(await ErrorCodeAsync(new { type = "update-link", linkId = "not-a-number" }), Is.EqualTo("not-found"));

        // The relay refuses these first; the daemon checks them again for any other caller of its socket.
        var tooMany = await ReplyAsync(new { type = "update-link", linkId, tags = Enumerable.Range(0, 101).Select(i => $"t{i}").ToArray(), note = "changed" });
        Assert.That(tooMany.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("bad-message"));
        Assert.That(tooMany.GetProperty("error").GetProperty("message").GetString(), Does.Contain("at most 100"));
        Assert.That(await ErrorCodeAsync(new { type = "update-link", linkId, watch = "sometimes", note = "changed" }), Is.EqualTo("bad-message"));
        Assert.That(await ErrorCodeAsync(new { type = "update-link", linkId, tags = new[] { "bad\u0001tag" } }), Is.EqualTo("bad-message"));

        var link = await _socket.GetFromJsonAsync<JsonElement>($"/api/links/{linkId}");
        Assert.That(Tags(link), Is.EqualTo(new[] { "one" }));
        Assert.That(link.GetProperty("note").GetString(), Is.EqualTo("note"));
    }

    [Test]
    public async Task The_relay_validates_update_link_against_the_protocol_table()
    {
        var relay = await RelayBinary.GetAsync();
        using var home = new TempDirectory();
        var input = new[]
        {
            """{"id":"ok","type":"update-link","linkId":7,"tags":["a"],"note":"n","read":true,"favorite":false,"archived":true,"watch":"weekly"}""",
            """{"id":"no-id","type":"update-link","note":"n"}""",
            """{"id":"bool","type":"update-link","linkId":7,"favorite":"yes"}""",
            """{"id":"watch","type":"update-link","linkId":7,"watch":"sometimes"}""",
            $$"""{"id":"tags","type":"update-link","linkId":7,"tags":[{{string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"t{i}\""))}}]}""",
            $$"""{"id":"100","type":"capture","url":"https://example.org/","tags":[{{string.Join(",", Enumerable.Range(0, 100).Select(i => $"\"t{i}\""))}}]}""",
            """{"id":"private","type":"update-link","linkId":7,"private":"yes"}""",
        }.SelectMany(RelayRun.Frame).ToArray();

        var run = await RelayRun.RunAsync(relay, input, new Dictionary<string, string> { ["LINKSNAP_HOME"] = home.Path, ["LINKSNAP_RELAY_NO_START"] = "1" });

        var frames = run.Frames();
        Assert.That(frames.Select(f => f.GetProperty("error").GetProperty("code").GetString()), Is.EqualTo(new[]
        {
            "daemon-unavailable", "bad-message", "bad-message", "bad-message", "bad-message", "daemon-unavailable", "bad-message",
        }), "valid messages pass validation and only then miss the (absent) daemon");
        Assert.That(frames[1].GetProperty("error").GetProperty("message").GetString(), Does.Contain("\"linkId\" is required"));
        Assert.That(frames[2].GetProperty("error").GetProperty("message").GetString(), Does.Contain("true or false"));
        Assert.That(frames[3].GetProperty("error").GetProperty("message").GetString(), Does.Contain("off, hourly, daily, weekly, monthly"));
        Assert.That(frames[4].GetProperty("error").GetProperty("message").GetString(), Does.Contain("more than 100 items"));
        Assert.That(frames[6].GetProperty("error").GetProperty("message").GetString(), Does.Contain("true or false"));
    }

    private async Task<long> SaveAsync(string url, string[] tags, string note)
    {
        var (linkId, _, _) = await _daemon.CaptureAsync(new Uri(url), tags);
        using var patch = await _socket.PatchAsJsonAsync($"/api/links/{linkId}", new { note });
        Assert.That(patch.IsSuccessStatusCode, Is.True, await patch.Content.ReadAsStringAsync());
        return linkId;
    }

    private async Task<JsonElement> ReplyAsync(object message)
    {
        var body = JsonSerializer.SerializeToNode(message)!.AsObject();
        body["id"] = "t";
        using var response = await _socket.PostAsJsonAsync("/api/native", body);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> ResultAsync(object message)
    {
        var reply = await ReplyAsync(message);
        Assert.That(reply.GetProperty("ok").GetBoolean(), Is.True, reply.ToString());
        return reply.GetProperty("result");
    }

    private async Task<string?> ErrorCodeAsync(object message)
    {
        var reply = await ReplyAsync(message);
        Assert.That(reply.GetProperty("ok").GetBoolean(), Is.False, reply.ToString());
        return reply.GetProperty("error").GetProperty("code").GetString();
    }

    private static List<string?> Tags(JsonElement link) => link.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
}
