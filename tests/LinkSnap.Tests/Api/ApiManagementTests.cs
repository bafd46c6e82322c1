using System.Text;
using System.Text.Json;
using LinkSnap.Api;
using LinkSnap.Cli;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Api;

/// <summary>Editing links and tags, bulk actions, lookup, events and status through the socket.</summary>
[NonParallelizable]
public sealed class ApiManagementTests : DaemonWithPageTestBase
{
    protected override void MapPages(FixtureServer server) => server.MapHtml("/page", "<html><head><title>Plain page</title></head><body><p>Some plain words for the archive.</p></body></html>");

    private async Task<string[]> TagsOfAsync(long linkId) =>
        (await Client.GetAsync($"/api/links/{linkId}", CancellationToken.None)).GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray();

    [Test]
    public async Task Patch_add_remove_tags_and_the_change_reaches_snapshot_json()
    {
        var id = await AddLinkAsync("/page?edit", "one");
        var patched = await Client.SendAsync(HttpMethod.Patch, $"/api/links/{id}", new { title = "My title", note = "n", tags = new[] { "Two", "two", "three" } }, CancellationToken.None);
        Assert.That(patched.GetProperty("title").GetString(), Is.EqualTo("My title"));
        Assert.That(patched.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "three", "Two" }));

        await Client.PostAsync($"/api/links/{id}/tags", new { tags = new[] { "four" } }, CancellationToken.None);
        await Client.DeleteAsync($"/api/links/{id}/tags/{Uri.EscapeDataString("TWO")}", CancellationToken.None);
        Assert.That(await TagsOfAsync(id), Is.EqualTo(new[] { "four", "three" }));

        var snapshot = (await Client.GetAsync($"/api/links/{id}", CancellationToken.None)).GetProperty("snapshots")[0].GetProperty("id").GetInt64();
        var folder = (await Client.GetAsync($"/api/snapshots/{snapshot}", CancellationToken.None)).GetProperty("folder").GetString()!;
        var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "snapshot.json"))).RootElement.GetProperty("link");
        Assert.That(document.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "four", "three" }));
        Assert.That(document.GetProperty("title").GetString(), Is.EqualTo("My title"));
    }

    [Test]
    public async Task Tags_rename_merge_delete_and_bulk()
    {
        var a = await AddLinkAsync("/page?a", "draft", "ml");
        var b = await AddLinkAsync("/page?b", "ML-old");

        await Client.PostAsync("/api/tags/rename", new { from = "ml-old", to = "legacy" }, CancellationToken.None);
        await Client.PostAsync("/api/tags/merge", new { from = new[] { "ml", "legacy" }, into = "machine-learning" }, CancellationToken.None);
        Assert.That(await TagsOfAsync(a), Is.EqualTo(new[] { "draft", "machine-learning" }));
        Assert.That(await TagsOfAsync(b), Is.EqualTo(new[] { "machine-learning" }));

        await Client.SendAsync(HttpMethod.Put, "/api/default-tags", new { tags = new[] { "Draft", "inbox" } }, CancellationToken.None);
        var inUse = (await Assert.ThrowsAsync<DaemonApiException>(() => Client.DeleteAsync("/api/tags/draft", CancellationToken.None)))!;
        Assert.That(inUse.Status, Is.EqualTo(409));
        Assert.That(inUse.Message, Does.Contain("force"));
        await Client.DeleteAsync("/api/tags/draft?force=true", CancellationToken.None);
        Assert.That(await TagsOfAsync(a), Is.EqualTo(new[] { "machine-learning" }));
        var defaults = await Client.GetAsync("/api/default-tags", CancellationToken.None);
        Assert.That(defaults.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "inbox" }), "a deleted tag is no longer a default");
        await Client.SendAsync(HttpMethod.Put, "/api/default-tags", new { tags = Array.Empty<string>() }, CancellationToken.None);

        var bulk = await Client.PostAsync("/api/bulk", new { linkIds = new[] { a, b, 424242 }, action = "add-tag", tag = "batch" }, CancellationToken.None);
        Assert.That(bulk.GetProperty("affected").GetInt32(), Is.EqualTo(2));
        var tags = await Client.GetAsync("/api/tags", CancellationToken.None);
        Assert.That(tags.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "batch").GetProperty("count").GetInt32(), Is.EqualTo(2));
        var badAction = (await Assert.ThrowsAsync<DaemonApiException>(() => Client.PostAsync("/api/bulk", new { linkIds = new[] { a }, action = "explode" }, CancellationToken.None)))!;
        Assert.That(badAction.Status, Is.EqualTo(400));
        var badTag = (await Assert.ThrowsAsync<DaemonApiException>(() => Client.PostAsync($"/api/links/{a}/tags", new { tags = new[] { new string('x', 101) } }, CancellationToken.None)))!;
        Assert.That(badTag.Status, Is.EqualTo(400));
    }

    [Test]
    public async Task Lookup_filters_and_delete()
    {
        var id = await AddLinkAsync("/page?lookup=1", "lookup-tag");
        var found = await Client.GetAsync("/api/lookup?url=" + Uri.EscapeDataString(Server.Url("/page?lookup=1&utm_source=x#frag").ToString()), CancellationToken.None);
        Assert.That(found.GetProperty("saved").GetBoolean(), Is.True);
        Assert.That(found.GetProperty("linkId").GetInt64(), Is.EqualTo(id));
        Assert.That(found.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "lookup-tag" }));

        var filtered = await Client.GetAsync("/api/links?tag=lookup-tag&status=done&site=127.0.0.1&sort=title&order=asc", CancellationToken.None);
        Assert.That(filtered.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()), Is.EqualTo(new[] { id }));
        var badSort = (await Assert.ThrowsAsync<DaemonApiException>(() => Client.GetAsync("/api/links?sort=colour", CancellationToken.None)))!;
        Assert.That(badSort.Status, Is.EqualTo(400));

        var folder = (await Client.GetAsync($"/api/snapshots/{(await Client.GetAsync($"/api/links/{id}", CancellationToken.None)).GetProperty("latest").GetProperty("id").GetInt64()}", CancellationToken.None)).GetProperty("folder").GetString()!;
        await Client.DeleteAsync($"/api/links/{id}", CancellationToken.None);
        Assert.That(Directory.Exists(folder), Is.False, "the snapshot's files are deleted with the link");
        Assert.That((await Client.GetAsync("/api/lookup?url=" + Uri.EscapeDataString(Server.Url("/page?lookup=1").ToString()), CancellationToken.None)).GetProperty("saved").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Events_stream_reports_every_state_change_of_a_job()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await using var stream = await Client.OpenStreamAsync("/api/events", cancel.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        Assert.That(await reader.ReadLineAsync(cancel.Token), Is.EqualTo(": connected"));

        var (_, snapshotId, _) = await Daemon.QueueAsync(new CaptureInput { Url = Server.Url("/page?events").ToString() });
        var seen = new List<string>();
        while (!seen.Contains("done"))
        {
            var line = await reader.ReadLineAsync(cancel.Token);
            if (line is null || !line.StartsWith("data: ", StringComparison.Ordinal))
            {
                continue;
            }

            var data = JsonDocument.Parse(line[6..]).RootElement;
            if (data.GetProperty("snapshotId").GetInt64() == snapshotId)
            {
                var stage = data.GetProperty("stage").GetString();
                seen.Add(stage ?? data.GetProperty("status").GetString()!);
            }
        }

        Assert.That(seen[0], Is.EqualTo("queued"));
        Assert.That(seen, Does.Contain("loading"));
        Assert.That(seen, Does.Contain("saving"));
        Assert.That(seen[^1], Is.EqualTo("done"));
    }

    [Test]
    public async Task Status_reports_theDaemon_andDaemon_json_matches()
    {
        var status = await Client.GetAsync("/api/status", CancellationToken.None);
        var info = JsonDocument.Parse(await File.ReadAllTextAsync(Daemon.Paths.DaemonInfoPath)).RootElement;
        Assert.That(status.GetProperty("dataDirectory").GetString(), Is.EqualTo(Daemon.Paths.DataDirectory));
        Assert.That(status.GetProperty("port").GetInt32(), Is.GreaterThan(0));
        Assert.That(info.GetProperty("port").GetInt32(), Is.EqualTo(status.GetProperty("port").GetInt32()));
        Assert.That(info.GetProperty("pid").GetInt32(), Is.EqualTo(Environment.ProcessId));
        Assert.That(info.GetProperty("socket").GetString(), Is.EqualTo(Daemon.Paths.SocketPath));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(Daemon.Paths.SocketPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
        Assert.That(status.GetProperty("queue").GetProperty("queued").GetInt32(), Is.GreaterThanOrEqualTo(0));
        Assert.That(status.GetProperty("libraryUrl").GetString(), Does.Contain("token="), "on the socket, the library link logs in");
        Assert.That(status.GetProperty("snapshotPort").GetInt32(), Is.GreaterThan(0));
    }

    [Test]
    public void A_secondDaemon_on_the_same_data_directory_refuses_to_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LinkSnap.Daemon.DaemonHost.Build([$"--Daemon:DataDirectory={Daemon.Paths.DataDirectory}", "--Daemon:Port=0"]))!;
        Assert.That(error.Message, Does.Contain("already running"));
        Assert.That(File.Exists(Daemon.Paths.SocketPath), Is.True, "the live daemon's socket is left alone");
    }

    [Test]
    public void Invalid_options_are_refused_at_start_with_the_option_name()
    {
        using var temp = new TempDirectory();
        var error = Assert.Throws<InvalidOperationException>(() => LinkSnap.Daemon.DaemonHost.Build([$"--Daemon:DataDirectory={temp.Path}", "--Daemon:Concurrency=0"]))!;
        Assert.That(error.Message, Does.Contain("Daemon:Concurrency"));
    }
}
