using System.Net;
using System.Text.Json;
using LinkSnap.Api;
using LinkSnap.Cli;
using LinkSnap.Core.Storage;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Api;

/// <summary>The daemon in-process with the real capture engine, driven through its Unix socket.</summary>
[NonParallelizable]
public sealed class ApiCaptureTests : DaemonWithPageTestBase
{
    private const string ArticleHtml = """
        <!doctype html><html lang="zh"><head><meta charset="utf-8"><title>Notes on language models</title></head>
        <body><article><h1>Notes on language models</h1>
        <p>近年来，大语言模型的研究进展迅速。Researchers study how transformers represent meaning in their hidden layers.</p>
        <p>The quick brown fox jumps over the lazy dog while the archivist keeps a faithful copy of every page.</p>
        <p>Interpretability work looks at circuits, features and attention heads across many different model sizes.</p>
        </article></body></html>
        """;

    protected override void MapPages(FixtureServer server)
    {
        server.MapHtml("/article", ArticleHtml);
        server.MapHtml("/missing", "<html><head><title>Not here</title></head><body><h1>Page not found</h1></body></html>", status: 404);
    }

    [Test]
    public async Task A_capture_ends_done_with_files_on_disk_rows_in_the_store_and_search_hits()
    {
        var (linkId, snapshotId, _) = await Daemon.QueueAsync(new CaptureInput { Url = Server.Url("/article").ToString(), Tags = new[] { "Research", "nlp/模型" }, Note = "read later" });

        var snapshot = await Daemon.WaitForSnapshotAsync(snapshotId);
        Assert.That(snapshot.Status, Is.EqualTo(SnapshotStatus.Done), snapshot.ToString());
        var folder = snapshot.Folder!;
        Assert.That(folder, Does.StartWith(Path.Combine(Daemon.Paths.SnapshotsDirectory, DateTime.UtcNow.ToString("yyyy"))));
        var html = snapshot.Artifacts!.Single(a => a.Kind == "html");
        var saved = await File.ReadAllTextAsync(Path.Combine(folder, html.FileName!));
        Assert.That(saved, Does.Contain("大语言模型的研究进展迅速"));
        Assert.That(saved, Does.Contain("faithful copy"));
        var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "snapshot.json"))).RootElement;
        Assert.That(document.GetProperty("status").GetString(), Is.EqualTo("done"));
        Assert.That(document.GetProperty("link").GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "nlp/模型", "Research" }));
        Assert.That(Directory.GetDirectories(Path.Combine(Daemon.Paths.SnapshotsDirectory, ".tmp")), Is.Empty, "no temporary folder is left behind");

        var link = await Client.GetAsync($"/api/links/{linkId}", CancellationToken.None);
        Assert.That(link.GetProperty("title").GetString(), Is.EqualTo("Notes on language models"));
        Assert.That(link.GetProperty("note").GetString(), Is.EqualTo("read later"));
        Assert.That(link.GetProperty("latest").GetProperty("status").GetString(), Is.EqualTo("done"));
        Assert.That(link.GetProperty("latest").GetProperty("hasThumbnail").GetBoolean(), Is.True);

        foreach (var q in new[] { "模型", "模", "transformers", "archivist" })
        {
            var page = await Client.GetAsync($"/api/links?q={Uri.EscapeDataString(q)}", CancellationToken.None);
            Assert.That(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()), Does.Contain(linkId), q);
        }

        var hit = (await Client.GetAsync("/api/links?q=" + Uri.EscapeDataString("模型"), CancellationToken.None)).GetProperty("items")[0];
        Assert.That(hit.GetProperty("snippet").GetString(), Does.Contain("<mark>模型</mark>"));

        using var file = await Client.SendRawAsync(new HttpRequestMessage(HttpMethod.Get, html.Url!.TrimStart('/')), CancellationToken.None);
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(file.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(LinkSnap.Web.SnapshotOrigin.ContentSecurityPolicy), "hostile files: no script, no network, even when opened from the API");
        Assert.That(await file.Content.ReadAsStringAsync(), Does.Contain("faithful copy"));
    }

    [Test]
    public async Task Recapture_adds_a_version_and_keeps_the_first()
    {
        var (linkId, first, _) = await Daemon.QueueAsync(new CaptureInput { Url = Server.Url("/article?v=1").ToString() });
        await Daemon.WaitForSnapshotAsync(first);
        var again = await Client.PostAsync($"/api/links/{linkId}/recapture", new { mode = "fresh" }, CancellationToken.None);
        var second = again.GetProperty("snapshotId").GetInt64();
        await Daemon.WaitForSnapshotAsync(second);

        var link = await Client.GetAsync($"/api/links/{linkId}", CancellationToken.None);
        Assert.That(link.GetProperty("snapshotCount").GetInt32(), Is.EqualTo(2));
        var snapshots = link.GetProperty("snapshots").EnumerateArray().ToList();
        Assert.That(snapshots.Select(s => s.GetProperty("id").GetInt64()), Is.EqualTo(new[] { second, first }));
        var folders = new List<string>();
        foreach (var id in new[] { first, second })
        {
            var detail = await Client.GetAsync($"/api/snapshots/{id}", CancellationToken.None);
            folders.Add(detail.GetProperty("folder").GetString()!);
        }

        Assert.That(folders.Distinct().Count(), Is.EqualTo(2));
        Assert.That(folders.Select(f => File.Exists(Path.Combine(f, "page.html"))), Is.All.True);
    }

    [TestCase("file:///etc/passwd", "file: URLs")]
    [TestCase("javascript:alert(1)", "javascript: URLs")]
    [TestCase("data:text/html,hi", "data: URLs")]
    [TestCase("chrome://settings", "browser-internal")]
    [TestCase("not a url", "has no scheme")]
    [TestCase("http://", "not a valid URL")]
    public async Task Bad_urls_are_refused_with_problem_details_and_nothing_is_stored(string url, string detail)
    {
        var before = (await Client.GetAsync("/api/links", CancellationToken.None)).GetProperty("total").GetInt32();
        var error = (await Assert.ThrowsAsync<DaemonApiException>(() => Client.PostAsync("/api/captures", new { url }, CancellationToken.None)))!;
        Assert.That(error.Status, Is.EqualTo(400));
        Assert.That(error.Message, Does.Contain(detail));
        Assert.That((await Client.GetAsync("/api/links", CancellationToken.None)).GetProperty("total").GetInt32(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_100_KB_url_and_malformed_json_get_a_400_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/captures")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { url = "https://example.org/?q=" + new string('a', 100 * 1024) }), System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await Client.SendRawAsync(request, CancellationToken.None);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("the limit is 8,192"));
        Assert.That(problem.GetProperty("title").GetString(), Is.Not.Empty);

        using var malformed = new HttpRequestMessage(HttpMethod.Post, "api/captures") { Content = new StringContent("{\"url\": ", System.Text.Encoding.UTF8, "application/json") };
        using var answer = await Client.SendRawAsync(malformed, CancellationToken.None);
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await answer.Content.ReadAsStringAsync(), Does.Contain("not valid JSON"));
    }

    [Test]
    public async Task An_unreachable_host_fails_with_a_reason_and_a_404_page_is_partial()
    {
        var (_, unreachable, _) = await Daemon.QueueAsync(new CaptureInput { Url = "http://127.0.0.1:1/nothing-listens-here" });
        var (_, missing, _) = await Daemon.QueueAsync(new CaptureInput { Url = Server.Url("/missing").ToString() });

        var failed = await Daemon.WaitForSnapshotAsync(unreachable);
        Assert.That(failed.Status, Is.EqualTo(SnapshotStatus.Failed));
        Assert.That(failed.Reason, Is.Not.Null.And.Not.Empty);
        var partial = await Daemon.WaitForSnapshotAsync(missing);
        Assert.That(partial.Status, Is.EqualTo(SnapshotStatus.Partial));
        Assert.That(partial.Reason, Does.Contain("404"));
        Assert.That(File.Exists(Path.Combine(failed.Folder!, "snapshot.json")), Is.True, "a failed job is recorded on disk too");
    }

    [Test]
    public async Task Unknown_ids_are_404_problems()
    {
        foreach (var path in new[] { "/api/links/99999", "/api/snapshots/99999", "/api/links/abc", "/api/snapshots/1/files/..%2F..%2Flinksnap.db" })
        {
            var error = (await Assert.ThrowsAsync<DaemonApiException>(() => Client.GetAsync(path, CancellationToken.None)))!;
            Assert.That(error.Status, Is.EqualTo(404), path);
        }
    }
}
