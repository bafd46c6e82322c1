using System.Text.Json;
using LinkSnap.Api;
using LinkSnap.Cli;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using NUnit.Framework;

namespace LinkSnap.Tests.Api;

/// <summary>POST /api/captures/list: a pasted list becomes one capture per valid URL, or a background import when long.</summary>
[NonParallelizable]
public sealed class CaptureListTests : DaemonWithPageTestBase
{
    protected override void MapPages(FixtureServer server) => server.MapHtml("/p", "<html><head><title>Listed</title></head><body><p>One of many.</p></body></html>");

    protected override TestDaemonOptions DaemonOptions => new TestDaemonOptions { Settings = { ["Background:HostGap"] = "00:00:00" } };

    [Test]
    public async Task A_short_list_becomes_user_captures_with_duplicates_merged_and_refusals_listed()
    {
        var a = Server.Url("/p?a").ToString();
        var b = Server.Url("/p?b").ToString();
        var c = Server.Url("/p?c").ToString();
        var text = $"{a}\n{b}, {c}\n\n[Again]({a}#top)\njavascript:alert(1)\nnot a url\n";

        var result = await Client.PostAsync("/api/captures/list", new { text, tags = new[] { "pasted", "读书" } }, CancellationToken.None);

        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Where(i => i.GetProperty("status").GetString() == "queued").Select(i => i.GetProperty("url").GetString()), Is.EqualTo(new[] { a, b, c }));
        Assert.That(items.Where(i => i.GetProperty("status").GetString() == "invalid").Select(i => i.GetProperty("url").GetString()), Is.EqualTo(new[] { "javascript:alert(1)", "not a url" }));
        Assert.That(items.Where(i => i.GetProperty("status").GetString() == "invalid").All(i => i.GetProperty("reason").GetString()!.Length > 0), Is.True, "each refusal has its reason");
        Assert.That(result.GetProperty("duplicates").GetInt32(), Is.EqualTo(1));
        Assert.That(result.GetProperty("import").ValueKind, Is.EqualTo(JsonValueKind.Null));

        foreach (var item in items.Where(i => i.GetProperty("status").GetString() == "queued"))
        {
            var done = await Daemon.WaitForSnapshotAsync(item.GetProperty("snapshotId").GetInt64());
            Assert.That(done.JobClass, Is.EqualTo("user"), "a short list goes first, like a click");
            var link = await Client.GetAsync($"/api/links/{item.GetProperty("linkId").GetInt64()}", CancellationToken.None);
            Assert.That(link.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EquivalentTo(new[] { "pasted", "读书" }));
        }

        var empty = (await Assert.ThrowsAsync<DaemonApiException>(() => Client.PostAsync("/api/captures/list", new { text = "  " }, CancellationToken.None)))!;
        Assert.That(empty.Status, Is.EqualTo(400));
    }

    [Test]
    public async Task A_long_list_goes_to_the_background_queue_instead_of_filling_the_user_queue()
    {
        var urls = Enumerable.Range(1, CaptureList.MaxUserCaptures + 5).Select(i => Server.Url($"/p?long={i}").ToString()).ToList();

        var result = await Client.PostAsync("/api/captures/list", new { text = string.Join(' ', urls), tags = new[] { "long" } }, CancellationToken.None);

        Assert.That(result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()).Distinct(), Is.EqualTo(new[] { "background" }));
        var importId = result.GetProperty("import").GetProperty("id").GetInt64();
        await Eventually.ValueAsync(
            async () => (await Client.GetAsync("/api/links?tag=long", CancellationToken.None)).GetProperty("total").GetInt32(),
            total => total >= urls.Count,
            TimeSpan.FromSeconds(120),
            total => $"the list's {urls.Count} links to appear (there were {total})");

        var progress = await Client.GetAsync($"/api/imports/{importId}", CancellationToken.None);
        Assert.That(progress.GetProperty("created").GetInt32(), Is.EqualTo(urls.Count));
        var first = (await Client.GetAsync("/api/links?tag=long&limit=1", CancellationToken.None)).GetProperty("items")[0];
        var snapshots = (await Client.GetAsync($"/api/links/{first.GetProperty("id").GetInt64()}", CancellationToken.None)).GetProperty("snapshots");
        Assert.That(snapshots[0].GetProperty("jobClass").GetString(), Is.EqualTo("import"), "background work, after the user's captures");
        await Client.PostAsync($"/api/imports/{importId}/cancel", new { }, CancellationToken.None); // no need to capture them all here
    }
}
