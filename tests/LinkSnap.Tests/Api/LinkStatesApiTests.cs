using System.Net.Http.Json;
using System.Text.Json;
using LinkSnap.Api;
using LinkSnap.Cli;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Api;

/// <summary>Read-later states (read, favorite, archived, private) through PATCH, bulk and the list filters (decision 042).</summary>
[NonParallelizable]
public sealed class LinkStatesApiTests : DaemonWithPageTestBase
{
    protected override void MapPages(FixtureServer server) => server.MapHtml("/page", "<html><head><title>State page</title></head><body><p>Words about reading later.</p></body></html>");

    private async Task<long[]> ListAsync(string filter) =>
        (await Client.GetAsync("/api/links?tag=states&" + filter, CancellationToken.None)).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetInt64()).Order().ToArray();

    [Test]
    public async Task Patch_sets_each_state_filters_find_them_and_bulk_sets_a_selection()
    {
        var a = await AddLinkAsync("/page?a", "states");
        var b = await AddLinkAsync("/page?b", "states");
        var c = await AddLinkAsync("/page?c", "states");

        var patched = await Client.SendAsync(HttpMethod.Patch, $"/api/links/{a}", new { read = true, favorite = true, @private = true }, CancellationToken.None);
        Assert.That(patched.GetProperty("read").GetBoolean(), Is.True);
        Assert.That(patched.GetProperty("favorite").GetBoolean(), Is.True);
        Assert.That(patched.GetProperty("private").GetBoolean(), Is.True);
        Assert.That(patched.GetProperty("archived").GetBoolean(), Is.False);
        Assert.That(patched.GetProperty("title").GetString(), Is.EqualTo("State page"), "fields not sent are left as they are");

        var unfavorite = await Client.SendAsync(HttpMethod.Patch, $"/api/links/{a}", new { favorite = false }, CancellationToken.None);
        Assert.That(unfavorite.GetProperty("favorite").GetBoolean(), Is.False);
        Assert.That(unfavorite.GetProperty("read").GetBoolean(), Is.True, "a state not sent is left as it is");

        await Client.SendAsync(HttpMethod.Patch, $"/api/links/{b}", new { archived = true, favorite = true }, CancellationToken.None);

        Assert.That(await ListAsync("state=unread"), Is.EqualTo(new[] { b, c }.Order()));
        Assert.That(await ListAsync("state=read"), Is.EqualTo(new[] { a }));
        Assert.That(await ListAsync("state=favorite"), Is.EqualTo(new[] { b }));
        Assert.That(await ListAsync("state=archived"), Is.EqualTo(new[] { b }));
        Assert.That(await ListAsync("state=unarchived"), Is.EqualTo(new[] { a, c }.Order()), "the library's default view");
        Assert.That(await ListAsync("state=unread&state=unarchived"), Is.EqualTo(new[] { c }));
        Assert.That(await ListAsync("state=private"), Is.EqualTo(new[] { a }));
        Assert.That(await ListAsync("q=reading&state=archived"), Is.EqualTo(new[] { b }), "search finds archived links when asked");
        Assert.That(await ListAsync("q=reading"), Is.EqualTo(new[] { a, b, c }.Order()), "search without a state filter includes archived links");

        var bulk = await Client.PostAsync("/api/bulk", new { linkIds = new[] { b, c, 424242 }, action = "read" }, CancellationToken.None);
        Assert.That(bulk.GetProperty("affected").GetInt32(), Is.EqualTo(2));
        await Client.PostAsync("/api/bulk", new { linkIds = new[] { b }, action = "unarchive" }, CancellationToken.None);
        await Client.PostAsync("/api/bulk", new { linkIds = new[] { c }, action = "favorite" }, CancellationToken.None);
        Assert.That(await ListAsync("state=unread"), Is.Empty);
        Assert.That(await ListAsync("state=archived"), Is.Empty);
        Assert.That(await ListAsync("state=favorite"), Is.EqualTo(new[] { b, c }.Order()));

        var badState = (await Assert.ThrowsAsync<DaemonApiException>(() => Client.GetAsync("/api/links?state=starred", CancellationToken.None)))!;
        Assert.That(badState.Status, Is.EqualTo(400));
        Assert.That(badState.Message, Does.Contain("state must be"));

        // snapshot.json and links.jsonl carry the states, so reindex and export keep them.
        var snapshot = (await Client.GetAsync($"/api/links/{c}", CancellationToken.None)).GetProperty("latest").GetProperty("id").GetInt64();
        var folder = (await Client.GetAsync($"/api/snapshots/{snapshot}", CancellationToken.None)).GetProperty("folder").GetString()!;
        var states = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "snapshot.json"))).RootElement.GetProperty("link").GetProperty("states");
        Assert.That(states.GetProperty("read").GetBoolean(), Is.True);
        Assert.That(states.GetProperty("favorite").GetBoolean(), Is.True);
        var journal = File.ReadLines(Path.Combine(Daemon.Paths.DataDirectory, "links.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Last(entry => entry.GetProperty("id").GetInt64() == c);
        Assert.That(journal.GetProperty("link").GetProperty("states").GetProperty("favorite").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Reading_progress_is_kept_per_link_refused_outside_0_to_1_and_leaves_updatedAt()
    {
        var linkId = await AddLinkAsync("/page", "states");
        var first = await Client.GetAsync($"/api/links/{linkId}", CancellationToken.None);
        Assert.That(first.GetProperty("readingProgress").ValueKind, Is.EqualTo(JsonValueKind.Null), "null until first read");
        var updatedAt = first.GetProperty("updatedAt").GetString();

        using var http = Daemon.CreateSocketClient();
        using (var saved = await http.PutAsJsonAsync($"/api/links/{linkId}/reading-progress", new { fraction = 0.42 }))
        {
            Assert.That((int)saved.StatusCode, Is.EqualTo(204), await saved.Content.ReadAsStringAsync());
        }

        var link = await Client.GetAsync($"/api/links/{linkId}", CancellationToken.None);
        Assert.That(link.GetProperty("readingProgress").GetDouble(), Is.EqualTo(0.42));
        Assert.That(link.GetProperty("updatedAt").GetString(), Is.EqualTo(updatedAt), "reading is not editing");

        foreach (var bad in new object[] { new { fraction = 1.5 }, new { fraction = -0.1 }, new { } })
        {
            using var refused = await http.PutAsJsonAsync($"/api/links/{linkId}/reading-progress", bad);
            Assert.That((int)refused.StatusCode, Is.EqualTo(400), $"{System.Text.Json.JsonSerializer.Serialize(bad)}: {await refused.Content.ReadAsStringAsync()}");
        }

        using (var unknown = await http.PutAsJsonAsync("/api/links/987654/reading-progress", new { fraction = 0.5 }))
        {
            Assert.That((int)unknown.StatusCode, Is.EqualTo(404));
        }

        Assert.That((await Client.GetAsync($"/api/links/{linkId}", CancellationToken.None)).GetProperty("readingProgress").GetDouble(), Is.EqualTo(0.42), "refused values change nothing");
    }
}
