using NUnit.Framework;
using System.Net;
using System.Net.Http.Headers;
using LinkSnap.Web;

namespace LinkSnap.Tests.Web;

/// <summary>The sandboxed snapshot origin: capability URLs, strict headers, nothing but snapshot files.</summary>
[TestFixture]
public sealed class SnapshotOriginTests
{
    private LibraryTestDaemon _daemon = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _daemon = await LibraryTestDaemon.StartAsync();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _daemon.SnapshotUri };
        _daemon.AddSnapshotFolder("snap1", new Dictionary<string, string>
        {
            ["page.html"] = "<html><body><p>archived body</p></body></html>",
            ["article.html"] = "<h1>Reader title</h1><p>reader body</p>",
        });
        _daemon.AddSnapshotFolder("snap2", new Dictionary<string, string> { ["page.html"] = "<p>other snapshot</p>" });
        File.WriteAllText(Path.Combine(_daemon.Home.Path, "secret.txt"), "top secret");
        File.WriteAllText(Path.Combine(_daemon.Home.Path, "snapshots", "2026", "01", "secret.txt"), "top secret");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _daemon.DisposeAsync();
    }

    private string Base(string id) => $"/s/{id}/{_daemon.Session.SnapshotCapability(id)}/";

    [Test]
    public async Task ArchivedCopyIsServedWithSandboxCspAndNoCookie()
    {
        using var response = await _http.GetAsync(Base("snap1") + "page.html");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("archived body"));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(
            "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; font-src data:; media-src data:; frame-src data:"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/html; charset=utf-8"));
    }

    [Test]
    public async Task ReaderViewWrapsTheArticleInAStyledPage()
    {
        using var response = await _http.GetAsync(Base("snap1") + "reader/article.html");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<main class=\"reader\"><h1>Reader title</h1>").And.Contain("Noto Serif CJK SC"));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("sandbox;"));
    }

    [Test]
    public async Task WrongOrForeignCapabilityIsRefused()
    {
        using var wrong = await _http.GetAsync("/s/snap1/AAAAAAAAAAAAAAAAAAAAAAAA/page.html");
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var foreign = await _http.GetAsync($"/s/snap2/{_daemon.Session.SnapshotCapability("snap1")}/page.html");
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
        using var response = await _http.GetAsync(Base("snap1") + file);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.InRange(400, 404), file);
        Assert.That(body, Does.Not.Contain("top secret").And.Not.Contain("root:"));
    }

    [Test]
    public async Task SnapshotIdThatClimbsOutIsRefused()
    {
        foreach (var id in new[] { "..", "%2E%2E", "..%2F..", "2026" })
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
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(_daemon.Home.Path, "token")));
            using var response = await _http.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
        }

        using var post = await _http.PostAsync(Base("snap1") + "page.html", new StringContent(""));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task ForeignHostIsRefusedOnTheSnapshotOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Base("snap1") + "page.html");
        request.Headers.Host = "evil.example";
        using var response = await _http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MisdirectedRequest));
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
