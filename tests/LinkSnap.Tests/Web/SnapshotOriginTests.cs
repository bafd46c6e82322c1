using System.Net;
using System.Net.Http.Headers;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using LinkSnap.Web;
using NUnit.Framework;

namespace LinkSnap.Tests.Web;

/// <summary>The sandboxed snapshot origin: capability URLs, strict headers, nothing but snapshot files.</summary>
[TestFixture]
public sealed class SnapshotOriginTests
{
    private TestDaemon _daemon = null!;
    private FixtureServer _site = null!;
    private HttpClient _http = null!;
    private string _snap1 = "";
    private string _snap2 = "";

    internal const string ArticleHtml = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quiet article</title></head>
        <body><article><h1>Quiet article</h1>
        <p>The archived body of a calm article about lighthouses and the sea. It is long enough to be readable.</p>
        <p>Lighthouses guide ships along dangerous coasts; their keepers once lived beside the lamp all year.</p>
        <p>Today most lights are automatic, yet the towers remain, watching over the water at night.</p>
        </article></body></html>
        """;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await FixtureServer.StartAsync();
        _site.MapHtml("/article.html", ArticleHtml);
        _site.MapHtml("/other.html", "<!doctype html><title>Other</title><p>other snapshot</p>");
        _daemon = await TestDaemon.StartAsync();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _daemon.SnapshotUri };
        _snap1 = (await _daemon.CaptureAsync(_site.Url("/article.html"))).SnapshotId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _snap2 = (await _daemon.CaptureAsync(_site.Url("/other.html"))).SnapshotId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(_daemon.DataDirectory, "secret.txt"), "top secret");
        var folder = _daemon.FolderOf(long.Parse(_snap1, System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(folder)!, "secret.txt"), "top secret");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _daemon.DisposeAsync();
        await _site.DisposeAsync();
    }

    private string Base(string id) => $"/s/{id}/{_daemon.Session.SnapshotCapability(id)}/";

    [Test]
    public async Task ArchivedCopyIsServedWithSandboxCspAndNoCookie()
    {
        using var response = await _http.GetAsync(Base(_snap1) + "page.html");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("archived body of a calm article"));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(
            "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; font-src data:; media-src data:; frame-src data:"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/html; charset=utf-8"));
    }

    [Test]
    public async Task ReaderViewWrapsTheArticleInAStyledPage()
    {
        using var response = await _http.GetAsync(Base(_snap1) + "reader/article.html");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<main class=\"reader\">").And.Contain("keepers once lived").And.Contain("Noto Serif CJK SC"));
        // Decision 069: the reader runs its one progress script, allowed by hash only, in an opaque origin.
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(policy, Does.StartWith("sandbox allow-scripts;").And.Contain("default-src 'none'").And.Not.Contain("allow-same-origin"));
        var scriptSrc = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        var script = html[(html.LastIndexOf("<script>", StringComparison.Ordinal) + "<script>".Length)..html.LastIndexOf("</script>", StringComparison.Ordinal)];
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script)));
        Assert.That(scriptSrc, Is.EqualTo($"script-src 'sha256-{hash}'"), "only the page's own script, by its hash");
    }

    [Test]
    public async Task WrongOrForeignCapabilityIsRefused()
    {
        using var wrong = await _http.GetAsync($"/s/{_snap1}/AAAAAAAAAAAAAAAAAAAAAAAA/page.html");
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var foreign = await _http.GetAsync($"/s/{_snap2}/{_daemon.Session.SnapshotCapability(_snap1)}/page.html");
        Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("..%2Fsecret.txt")]
    [TestCase("%2E%2E%2Fsecret.txt")]
    [TestCase("..%5Csecret.txt")]
    [TestCase("reader/..%2F..%2F..%2F..%2Fsecret.txt")]
    [TestCase("%2Fetc%2Fpasswd")]
    [TestCase(".%2E/.%2E/.%2E/secret.txt")]
    [TestCase("missing.html")]
    public async Task PathsOutsideTheSnapshotFolderAreRefused(string file)
    {
        using var response = await _http.GetAsync(Base(_snap1) + file);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.InRange(400, 404), file);
        Assert.That(body, Does.Not.Contain("top secret").And.Not.Contain("root:"));
    }

    [Test]
    public async Task SnapshotIdThatClimbsOutIsRefused()
    {
        foreach (var id in new[] { "..", "%2E%2E", "..%2F..", "2026", "-1", "1e3" })
        {
            using var response = await _http.GetAsync($"/s/{id}/{_daemon.Session.SnapshotCapability(Uri.UnescapeDataString(id))}/secret.txt");
            var body = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.InRange(400, 404), id);
            Assert.That(body, Does.Not.Contain("top secret"), id);
        }
    }

    [Test]
    public async Task TheApiAndThePageAreNotReachableOnTheSnapshotOrigin()
    {
        foreach (var path in new[] { "/", "/api/links", "/login?token=x", "/assets/app.js" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(_daemon.DataDirectory, "token")));
            using var response = await _http.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
        }

        using var post = await _http.PostAsync(Base(_snap1) + "page.html", new StringContent(""));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task ForeignHostIsRefusedOnTheSnapshotOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Base(_snap1) + "page.html");
        request.Headers.Host = "evil.example";
        using var response = await _http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MisdirectedRequest));
    }

    [Test]
    public async Task BothFileRoutesServeOnlyRecordedArtifactsAndNeverFollowASymlink()
    {
        // Snapshot 2's saved copy is swapped for a link to a system file, and a file nobody recorded appears.
        var folder = _daemon.FolderOf(long.Parse(_snap2, System.Globalization.CultureInfo.InvariantCulture));
        File.Delete(Path.Combine(folder, "page.html"));
        File.CreateSymbolicLink(Path.Combine(folder, "page.html"), "/etc/hostname");
        File.WriteAllText(Path.Combine(folder, "planted.html"), "<p>planted, never recorded</p>");
        var hostname = File.ReadAllText("/etc/hostname").Trim();
        using var socket = _daemon.CreateSocketClient();

        foreach (var file in new[] { "page.html", "planted.html" })
        {
            using var api = await socket.GetAsync($"/api/snapshots/{_snap2}/files/{file}");
            using var origin = await _http.GetAsync(Base(_snap2) + file);
            using var reader = await _http.GetAsync(Base(_snap2) + "reader/" + file);
            foreach (var (route, response) in new[] { ("api", api), ("origin", origin), ("reader", reader) })
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), $"{route} {file}");
                Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(hostname + "\n").And.Not.Contain("never recorded"), $"{route} {file}");
            }
        }

        // The reader wraps the recorded article only, not any other recorded file.
        using var wrappedCopy = await _http.GetAsync(Base(_snap1) + "reader/page.html");
        Assert.That(wrappedCopy.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var article = await _http.GetAsync(Base(_snap1) + "reader/article.html");
        Assert.That(article.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var copy = await socket.GetAsync($"/api/snapshots/{_snap1}/files/page.html");
        Assert.That(copy.StatusCode, Is.EqualTo(HttpStatusCode.OK), "recorded files are still served");
    }

    [Test]
    public void SafeFilePathAcceptsPlainNamesOnly()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SafeFilePath.IsPlainFileName("page.html"), Is.True);
            Assert.That(SafeFilePath.IsPlainFileName("screenshot-1.png"), Is.True);
            foreach (var bad in new[] { "", ".", "..", "../x", "a/b", "a\\b", ".hidden", "a..b", "x\0y", "C:x", new string('a', 201) })
            {
                Assert.That(SafeFilePath.IsPlainFileName(bad), Is.False, bad);
            }
        });
    }
}
