using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinkSnap.Cli;
using LinkSnap.Core.Capture;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using LinkSnap.Tests.Jobs;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace LinkSnap.Tests.Api;

/// <summary>
/// The documented limits (docs/api.md "Limits"): 100 tags per link on every path that adds tags, and a
/// cap on queued user captures answered with 429 in the API, an exit code in the CLI and `queue-full`
/// in the native protocol. The engine holds a first capture (100 tags) running, so the queue fills deterministically.
/// </summary>
[TestFixture]
[NonParallelizable] // the CLI test points LINKSNAP_HOME at this daemon
public sealed class LimitsTests
{
    private const int Cap = 3;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TestDaemon _daemon = null!;
    private HttpClient _socket = null!;
    private long _heldLink;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var engine = new FakeCaptureEngine(async (request, folder, progress, cancellationToken) =>
        {
            await _release.Task.WaitAsync(cancellationToken);
            return await FakeCaptureEngine.SaveAsync(request, folder, progress);
        });
        _daemon = await TestDaemon.StartAsync(new TestDaemonOptions
        {
            Services = s => s.AddSingleton<ICaptureEngine>(engine),
            Settings = { ["Daemon:MaxQueuedCaptures"] = $"{Cap}", ["Daemon:Concurrency"] = "1" },
        });
        _socket = _daemon.CreateSocketClient();

        using var held = await CaptureAsync("held", Tags(100));
        Assert.That(held.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await held.Content.ReadAsStringAsync());
        _heldLink = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("linkId").GetInt64();
        await Eventually.TrueAsync(
            async () => (await _socket.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("queue").GetProperty("running").GetInt32() > 0,
            TimeSpan.FromSeconds(30), "the first capture to start");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _release.TrySetResult();
        _socket.Dispose();
        await _daemon.DisposeAsync();
    }

    private static string[] Tags(int count, string prefix = "t") => Enumerable.Range(1, count).Select(i => $"{prefix}{i}").ToArray();

    private async Task<HttpResponseMessage> CaptureAsync(string path, object? tags = null) =>
        await _socket.PostAsJsonAsync("/api/captures", new { url = "https://example.com/" + path, Tags = tags });

    private async Task<int> TagCountAsync(long linkId) =>
        (await _socket.GetFromJsonAsync<JsonElement>($"/api/links/{linkId}")).GetProperty("tags").GetArrayLength();

    [Test]
    public async Task A_link_carries_at_most_100_tags_on_capture_patch_add_and_bulk()
    {
        using var tooMany = await CaptureAsync("many", Tags(101));
        Assert.That(tooMany.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await tooMany.Content.ReadAsStringAsync(), Does.Contain("at most 100"));
        var lookup = await _socket.GetFromJsonAsync<JsonElement>("/api/lookup?url=" + Uri.EscapeDataString("https://example.com/many"));
        Assert.That(lookup.GetProperty("saved").GetBoolean(), Is.False, "a refused capture leaves nothing behind");

        var linkId = _heldLink;

        using var patch = await _socket.PatchAsJsonAsync($"/api/links/{linkId}", new { tags = Tags(101, "p") });
        using var add = await _socket.PostAsJsonAsync($"/api/links/{linkId}/tags", new { tags = new[] { "one-more" } });
        using var bulk = await _socket.PostAsJsonAsync("/api/bulk", new { linkIds = new[] { linkId }, action = "add-tag", tag = "one-more" });
        foreach (var (what, response) in new[] { ("PATCH", patch), ("add", add), ("bulk", bulk) })
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), what);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("at most 100"), what);
        }

        Assert.That(await TagCountAsync(linkId), Is.EqualTo(100), "the link keeps its tags");
        using var tooLong = await _socket.PatchAsJsonAsync($"/api/links/{linkId}", new { tags = new[] { new string('x', 101) } });
        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "tag length");
    }

    [Test]
    public async Task Queued_user_captures_are_capped_with_a_clear_answer_in_api_cli_and_relay()
    {
        var queuedIds = new List<long>();
        try
        {
            await FillAndRefuseAsync(queuedIds);
        }
        finally
        {
            // Empties the queue again, so the other test finds room.
            foreach (var id in queuedIds)
            {
                using var _ = await _socket.DeleteAsync($"/api/snapshots/{id}");
            }
        }
    }

    private async Task FillAndRefuseAsync(List<long> queuedIds)
    {
        // Background work (an import) waiting in the queue is not a user capture: it takes no room.
        var store = _daemon.Services.GetRequiredService<LinkSnap.Core.Storage.LinkStore>();
        for (var i = 0; i < Cap + 2; i++)
        {
            Assert.That(store.AddSnapshot(_heldLink, CaptureMode.Fresh, null, LinkSnap.Core.Storage.JobClasses.Import), Is.Not.Null);
        }

        for (var i = 0; i < Cap; i++)
        {
            using var queued = await CaptureAsync($"queued-{i}");
            Assert.That(queued.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), $"capture {i} of the cap");
            queuedIds.Add((await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("snapshotId").GetInt64());
        }

        using var refused = await CaptureAsync("one-too-many");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((problem.GetProperty("queued").GetInt32(), problem.GetProperty("max").GetInt32()), Is.EqualTo((Cap, Cap)));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("limit is 3"));

        using var recapture = await _socket.PostAsJsonAsync($"/api/links/{_heldLink}/recapture", new { mode = "fresh" });
        Assert.That(recapture.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "recapture");
        using var bulk = await _socket.PostAsJsonAsync("/api/bulk", new { linkIds = new[] { _heldLink }, action = "recapture" });
        Assert.That(bulk.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "bulk recapture");

        using var native = await _socket.PostAsJsonAsync("/api/native", new { id = "1", type = "capture", url = "https://example.com/relay" });
        var reply = await native.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(reply.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("queue-full"));

        var previous = Environment.GetEnvironmentVariable("LINKSNAP_HOME");
        Environment.SetEnvironmentVariable("LINKSNAP_HOME", _daemon.DataDirectory);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await CliApp.RunAsync(["capture", "https://example.com/cli"], output, error, CancellationToken.None);
            Assert.That(exit, Is.EqualTo(CliApp.QueueFull).And.EqualTo(5));
            Assert.That(error.ToString(), Does.StartWith("linksnap: 3 captures are already waiting in the queue; the limit is 3."));
        }
        finally
        {
            Environment.SetEnvironmentVariable("LINKSNAP_HOME", previous);
        }

        var status = await _socket.GetFromJsonAsync<JsonElement>("/api/status");
        Assert.That(status.GetProperty("queue").GetProperty("queued").GetInt32(), Is.EqualTo(Cap + Cap + 2), "nothing over the cap was queued");
    }
}
