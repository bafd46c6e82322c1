using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using LinkSnap.Web;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace LinkSnap.Tests.Web;

/// <summary>
/// Library sessions against the real daemon over HTTP: random server-side sessions, logout, expiry on
/// an injected clock, token rotation, the library's own host name and the JSON-only rule for changes.
/// </summary>
[TestFixture]
public sealed class LibrarySessionTests
{
    private readonly ManualTime _clock = new(DateTimeOffset.Parse("2026-12-05T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private TestDaemon _daemon = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _daemon = await TestDaemon.StartAsync(new TestDaemonOptions
        {
            Services = s => s.AddSingleton<TimeProvider>(_clock),
            Settings = { ["Library:SessionLifetime"] = "01:00:00" },
        });
        _http = TestDaemon.LoopbackClient(_daemon.LibraryUri);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _daemon.DisposeAsync();
    }

    private string Token => File.ReadAllText(Path.Combine(_daemon.DataDirectory, "token")).Trim();

    private async Task<string> LoginAsync(string? token = null)
    {
        using var response = await _http.GetAsync("/login?token=" + Uri.EscapeDataString(token ?? Token));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    private async Task<HttpStatusCode> SendAsync(HttpMethod method, string path, string? cookie, HttpContent? content = null, string? host = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        request.Headers.Add("Origin", $"http://{_daemon.Session.LibraryHost}:{_daemon.Session.LibraryPort}");
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    [Test]
    public async Task Library_lives_on_its_own_random_localhost_name_and_refuses_plain_loopback_hosts()
    {
        var host = _daemon.Session.LibraryHost;
        Assert.That(host, Does.Match("^ls-[a-z2-7]{20}\\.localhost$"));
        Assert.That(_daemon.Session.LoginUrl, Does.StartWith($"http://{host}:{_daemon.Session.LibraryPort}/login?token="));
        Assert.That(File.ReadAllText(Path.Combine(_daemon.DataDirectory, "library-host")).Trim(), Is.EqualTo(host), "kept per install");

        var port = _daemon.Session.LibraryPort;
        foreach (var wrong in new[] { $"127.0.0.1:{port}", $"localhost:{port}", $"[::1]:{port}", $"{host}:1", $"x{host}:{port}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/login?token=" + Token);
            request.Headers.Host = wrong;
            using var response = await _http.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MisdirectedRequest), wrong);
            Assert.That(response.Headers.Contains("Set-Cookie"), Is.False, wrong);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(host), "the refusal must not tell the name");
        }
    }

    [Test]
    public async Task Each_login_is_a_random_session_and_logout_ends_only_that_one()
    {
        var first = await LoginAsync();
        var second = await LoginAsync();
        Assert.That(first, Is.Not.EqualTo(second), "sessions are random, not derived from the token");
        Assert.That(await SendAsync(HttpMethod.Get, "/api/links", first), Is.EqualTo(HttpStatusCode.OK));

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/session/logout") { Content = JsonContent.Create(new { }) };
        logout.Headers.Add("Cookie", first);
        logout.Headers.Add("Origin", $"http://{_daemon.Session.LibraryHost}:{_daemon.Session.LibraryPort}");
        using var loggedOut = await _http.SendAsync(logout);
        Assert.That(loggedOut.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(loggedOut.Headers.GetValues("Set-Cookie").Single(), Does.StartWith(LibrarySession.CookieName + "=;").And.Contain("expires="));

        Assert.That(await SendAsync(HttpMethod.Get, "/api/links", first), Is.EqualTo(HttpStatusCode.Unauthorized), "the logged-out cookie replayed");
        Assert.That(await SendAsync(HttpMethod.Get, "/", first), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await SendAsync(HttpMethod.Get, "/api/links", second), Is.EqualTo(HttpStatusCode.OK), "other sessions go on");
    }

    [Test]
    public async Task Session_expires_after_its_lifetime_and_survives_a_file_reload()
    {
        var cookie = await LoginAsync();
        var sessions = File.ReadAllText(Path.Combine(_daemon.DataDirectory, "sessions.json"));
        Assert.That(sessions, Does.Not.Contain(cookie.Split('=')[1]), "only hashes are stored");
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(Path.Combine(_daemon.DataDirectory, "sessions.json")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.That(await SendAsync(HttpMethod.Get, "/api/links", cookie), Is.EqualTo(HttpStatusCode.OK));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That(await SendAsync(HttpMethod.Get, "/api/links", cookie), Is.EqualTo(HttpStatusCode.Unauthorized), "an hour-long session after 61 minutes");
    }

    [Test]
    public async Task State_changing_api_calls_need_a_json_content_type()
    {
        var cookie = await LoginAsync();
        Assert.That(await SendAsync(HttpMethod.Post, "/api/captures", cookie, new StringContent("{\"url\":\"https://example.com/\"}")),
            Is.EqualTo(HttpStatusCode.UnsupportedMediaType), "text/plain");
        Assert.That(await SendAsync(HttpMethod.Post, "/api/captures", cookie, new FormUrlEncodedContent([new("url", "https://example.com/")])),
            Is.EqualTo(HttpStatusCode.UnsupportedMediaType), "a form");
        using var multipart = new MultipartFormDataContent { { new StringContent("https://example.com/"), "url" } };
        Assert.That(await SendAsync(HttpMethod.Post, "/api/captures", cookie, multipart), Is.EqualTo(HttpStatusCode.UnsupportedMediaType), "multipart");
        Assert.That(await SendAsync(HttpMethod.Post, "/api/tags/rename", cookie), Is.EqualTo(HttpStatusCode.UnsupportedMediaType), "no body, no type");
        Assert.That(await SendAsync(HttpMethod.Delete, "/api/links/999", cookie), Is.EqualTo(HttpStatusCode.UnsupportedMediaType), "DELETE without a type");

        var json = new StringContent("{}", new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" });
        Assert.That(await SendAsync(HttpMethod.Post, "/api/tags/rename", cookie, json), Is.EqualTo(HttpStatusCode.BadRequest), "JSON reaches the endpoint");
        var empty = new ByteArrayContent([]);
        empty.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Assert.That(await SendAsync(HttpMethod.Delete, "/api/links/999", cookie, empty), Is.EqualTo(HttpStatusCode.NotFound));

        // The per-user socket is not reachable from web pages: the CLI may send a bodiless POST there.
        using var socket = _daemon.CreateSocketClient();
        using var reindex = await socket.PostAsync("/api/reindex", null);
        Assert.That(reindex.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Rotating_the_token_ends_every_session_login_link_and_snapshot_url()
    {
        var oldToken = Token;
        var oldLogin = _daemon.Session.LoginUrl;
        var cookie = await LoginAsync();
        var oldCapability = _daemon.Session.SnapshotCapability("1");

        using var http = TestDaemon.LoopbackClient(_daemon.LibraryUri);
        using var overTcp = new HttpRequestMessage(HttpMethod.Post, "/api/token/rotate") { Content = JsonContent.Create(new { }) };
        overTcp.Headers.Add("Cookie", cookie);
        overTcp.Headers.Add("Origin", $"http://{_daemon.Session.LibraryHost}:{_daemon.Session.LibraryPort}");
        Assert.That((await http.SendAsync(overTcp)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a library tab cannot rotate");

        using var socket = _daemon.CreateSocketClient();
        using var rotated = await socket.PostAsync("/api/token/rotate", null);
        Assert.That(rotated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var newLogin = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("loginUrl").GetString();

        Assert.That(Token, Is.Not.EqualTo(oldToken), "the token file holds the new token");
        Assert.That(newLogin, Is.EqualTo(_daemon.Session.LoginUrl).And.Not.EqualTo(oldLogin));
        var status = await socket.GetFromJsonAsync<JsonElement>("/api/status");
        Assert.That(status.GetProperty("libraryUrl").GetString(), Is.EqualTo(newLogin), "open-library hands out the new link");

        Assert.That(await SendAsync(HttpMethod.Get, "/api/links", cookie), Is.EqualTo(HttpStatusCode.Unauthorized), "old session");
        using (var oldLink = await _http.GetAsync("/login?token=" + Uri.EscapeDataString(oldToken)))
        {
            Assert.That(oldLink.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "old login link");
        }

        Assert.That(_daemon.Session.SnapshotCapability("1"), Is.Not.EqualTo(oldCapability), "old snapshot URLs stop working");
        var fresh = await LoginAsync();
        Assert.That(await SendAsync(HttpMethod.Get, "/api/links", fresh), Is.EqualTo(HttpStatusCode.OK));
    }

    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
