using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using LinkSnap.Web;
using NUnit.Framework;

namespace LinkSnap.Tests.Web;

/// <summary>The library's HTTP guards, checked with plain HTTP requests against the real daemon.</summary>
[TestFixture]
public sealed class LibrarySecurityTests
{
    private TestDaemon _daemon = null!;
    private FixtureServer _site = null!;
    private HttpClient _http = null!;
    private long _snapshotId;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await FixtureServer.StartAsync();
        _site.MapHtml("/article.html", SnapshotOriginTests.ArticleHtml);
        _daemon = await TestDaemon.StartAsync();
        _http = TestDaemon.LoopbackClient(_daemon.LibraryUri);
        (_, _snapshotId, _) = await _daemon.CaptureAsync(_site.Url("/article.html"));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _daemon.DisposeAsync();
        await _site.DisposeAsync();
    }

    private async Task<string> LoginCookieAsync()
    {
        using var response = await _http.GetAsync("/login?token=" + Uri.EscapeDataString(ReadToken()));
        var setCookie = response.Headers.GetValues("Set-Cookie").Single();
        return setCookie.Split(';')[0];
    }

    private string ReadToken() => File.ReadAllText(Path.Combine(_daemon.DataDirectory, "token")).Trim();

    [Test]
    public async Task WithoutSessionTheApiAnswers401AndThePageExplainsHowToSignIn()
    {
        using var api = await _http.GetAsync("/api/links");
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(api.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await api.Content.ReadAsStringAsync(), Does.Contain("linksnap open-library"));

        using var page = await _http.GetAsync("/");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("linksnap serve").And.Contain("linksnap open-library"));

        using var asset = await _http.GetAsync("/assets/app.js");
        Assert.That(asset.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task TokenFileIsPrivateAndLoginLinkSetsAStrictHttpOnlyCookie()
    {
        var token = ReadToken();
        Assert.That(token, Has.Length.EqualTo(43), "32 random bytes, base64url");
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(Path.Combine(_daemon.DataDirectory, "token")),
                Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        Assert.That(_daemon.Session.LoginUrl, Is.EqualTo($"{_daemon.LibraryUri}login?token={token}"));
        using var response = await _http.GetAsync("/login?token=" + token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/"));
        var cookie = response.Headers.GetValues("Set-Cookie").Single().ToLowerInvariant();
        Assert.That(cookie, Does.StartWith(LibrarySession.CookieName + "=").And.Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/"));
        Assert.That(cookie, Does.Not.Contain(token.ToLowerInvariant()), "the cookie must not carry the token itself");

        using var wrong = await _http.GetAsync("/login?token=" + token[..^1] + "x");
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(wrong.Headers.Contains("Set-Cookie"), Is.False);
    }

    [Test]
    public async Task SessionCookieOrBearerTokenOpensThePage()
    {
        var cookie = await LoginCookieAsync();
        using var byCookie = new HttpRequestMessage(HttpMethod.Get, "/");
        byCookie.Headers.Add("Cookie", cookie);
        using var page = await _http.SendAsync(byCookie);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(),
            Does.Contain("script-src 'self'").And.Contain($"frame-src http://127.0.0.1:{_daemon.Session.SnapshotPort}"));

        using var byBearer = new HttpRequestMessage(HttpMethod.Get, $"/api/snapshots/{_snapshotId}/sandbox");
        byBearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadToken());
        using var sandbox = await _http.SendAsync(byBearer);
        Assert.That(sandbox.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await sandbox.Content.ReadAsStringAsync(), Does.Contain($"http://127.0.0.1:{_daemon.Session.SnapshotPort}/s/{_snapshotId}/"));
    }

    [TestCase("evil.example")]
    [TestCase("evil.example:80")]
    [TestCase("127.0.0.1.evil.example")]
    [TestCase("127.0.0.1:1")]
    public async Task ForeignHostHeaderIsRefusedEvenWithAValidToken(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/links");
        request.Headers.Host = host;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadToken());
        using var response = await _http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MisdirectedRequest));
    }

    [Test]
    public async Task StateChangingRequestWithCookieFromAnotherOriginIsRefused()
    {
        var cookie = await LoginCookieAsync();
        var port = _daemon.Session.LibraryPort;
        var host = _daemon.Session.LibraryHost;
        foreach (var origin in new[] { "http://127.0.0.1:1", "http://evil.example", "null", $"http://{host}:{port}.evil.example", $"http://127.0.0.1:{port}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tags/rename") { Content = new StringContent("{}") };
            request.Headers.Add("Cookie", cookie);
            request.Headers.Add("Origin", origin);
            using var response = await _http.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), origin);
        }

        using var noOrigin = new HttpRequestMessage(HttpMethod.Delete, "/api/links/1");
        noOrigin.Headers.Add("Cookie", cookie);
        using var refused = await _http.SendAsync(noOrigin);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "no Origin and no Sec-Fetch-Site");

        using var same = new HttpRequestMessage(HttpMethod.Post, "/api/tags/rename") { Content = JsonContent.Create(new { }) };
        same.Headers.Add("Cookie", cookie);
        same.Headers.Add("Origin", $"http://{host}:{port}");
        using var accepted = await _http.SendAsync(same);
        Assert.That(accepted.StatusCode, Is.Not.EqualTo(HttpStatusCode.Forbidden).And.Not.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task StatusOnTheSocketHandsOutTheLoginLinkButNotOverTcp()
    {
        using var client = _daemon.CreateSocketClient();
        var status = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/status");
        Assert.That(status.GetProperty("libraryUrl").GetString(), Is.EqualTo(_daemon.Session.LoginUrl));
        Assert.That(status.GetProperty("snapshotPort").GetInt32(), Is.EqualTo(_daemon.Session.SnapshotPort));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadToken());
        using var tcp = await _http.SendAsync(request);
        Assert.That(await tcp.Content.ReadAsStringAsync(), Does.Not.Contain(ReadToken()));
    }

    [Test]
    public async Task UnixSocketRequestsAreTrustedWithoutToken()
    {
        using var client = _daemon.CreateSocketClient();
        using var response = await client.GetAsync($"/api/snapshots/{_snapshotId}/sandbox");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_sign_in_page_and_the_refusals_speak_the_language_the_browser_asks_for()
    {
        async Task<(string Page, string Problem)> AskAsync(string? languages)
        {
            using var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/");
            using var apiRequest = new HttpRequestMessage(HttpMethod.Get, "/api/links");
            if (languages is not null)
            {
                pageRequest.Headers.TryAddWithoutValidation("Accept-Language", languages);
                apiRequest.Headers.TryAddWithoutValidation("Accept-Language", languages);
            }

            using var page = await _http.SendAsync(pageRequest);
            using var api = await _http.SendAsync(apiRequest);
            var problem = await api.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            return (await page.Content.ReadAsStringAsync(), $"{problem.GetProperty("title").GetString()}: {problem.GetProperty("detail").GetString()}");
        }

        var chinese = await AskAsync("zh-CN,zh;q=0.9,en;q=0.8");
        Assert.That(chinese.Page, Does.Contain("<html lang=\"zh-CN\">").And.Contain("此浏览器没有资料库会话").And.Contain("<code>linksnap open-library</code>"));
        Assert.That(chinese.Problem, Does.Contain("未登录").And.Contain("linksnap open-library"));

        var english = await AskAsync("en-GB,zh;q=0.5");
        Assert.That(english.Page, Does.Contain("<html lang=\"en\">").And.Contain("This browser has no library session"));
        Assert.That(english.Problem, Does.Contain("Not signed in"));

        Assert.That((await AskAsync(null)).Page, Does.Contain("This browser has no library session"), "English without Accept-Language");
        Assert.That((await AskAsync("fr-FR")).Problem, Does.Contain("Not signed in"), "English for a language the library does not have");
    }
}
