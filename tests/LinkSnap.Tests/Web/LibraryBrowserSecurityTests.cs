using System.Net.Http.Json;
using System.Text.Json;
using LinkSnap.Testing;
using LinkSnap.Testing.Daemon;
using Microsoft.Playwright;
using NUnit.Framework;
using static Microsoft.Playwright.Assertions;

namespace LinkSnap.Tests.Web;

/// <summary>
/// Hostile content, checked from a real browser signed in to the library: an archived page that
/// carries script (as if the inliner had missed it), and a page on another loopback origin.
/// </summary>
[TestFixture]
public sealed class LibraryBrowserSecurityTests
{
    private TestDaemon _daemon = null!;
    private FixtureServer _site = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;
    private long _linkId;
    private long _snapshotId;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _site = await FixtureServer.StartAsync();
        _site.MapHtml("/article.html", SnapshotOriginTests.ArticleHtml);
        _daemon = await TestDaemon.StartAsync();
        (_linkId, _snapshotId, _) = await _daemon.CaptureAsync(_site.Url("/article.html"), "victim");

        // The archived copy is replaced by a page that tries everything a hostile page would.
        var lib = _daemon.LibraryUri.ToString().TrimEnd('/');
        var site = _site.BaseUri.ToString().TrimEnd('/');
        File.WriteAllText(Path.Combine(_daemon.FolderOf(_snapshotId), "page.html"), $$"""
            <!doctype html><html><head><meta charset="utf-8">
            <link rel="stylesheet" href="{{site}}/remote.css">
            <meta http-equiv="refresh" content="0; url={{site}}/refreshed">
            </head><body>
            <h1 id="c">Hostile archived page</h1>
            <script>
              document.getElementById('c').textContent = 'script ran';
              fetch('{{lib}}/api/tags/rename', { method: 'POST', credentials: 'include', body: '{"from":"victim","to":"pwned"}' });
              fetch('{{site}}/fetched');
              top.location = '{{site}}/top';
            </script>
            <img src="{{site}}/remote.png">
            <img src="{{lib}}/api/links?from-snapshot=1">
            <img src="x" onerror="fetch('{{site}}/onerror')">
            <iframe src="{{site}}/frame.html"></iframe>
            <form id="f" method="post" action="{{lib}}/api/tags/rename"></form>
            <script>document.getElementById('f').submit();</script>
            </body></html>
            """);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LINKSNAP_CHROMIUM") ?? "/usr/lib/chromium/chromium",
            Headless = true,
            Args = ["--disable-quic"],
        });
        _context = await _browser.NewContextAsync();
        _context.SetDefaultTimeout(15000);
        var login = await _context.NewPageAsync();
        await login.GotoAsync(_daemon.Session.LoginUrl);
        await login.CloseAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
        await _daemon.DisposeAsync();
        await _site.DisposeAsync();
    }

    [Test]
    public async Task ArchivedPageCanNeitherRunScriptNorReachTheApiNorLoadRemoteNorNavigateTop()
    {
        var page = await _context.NewPageAsync();
        // Requests the browser answered from the network, and requests it refused (with the reason).
        var answered = new List<string>();
        var refused = new List<(string Url, string? Reason)>();
        page.Response += (_, response) => { lock (answered) { answered.Add(response.Url); } };
        page.RequestFailed += (_, request) => { lock (refused) { refused.Add((request.Url, request.Failure)); } };
        var siteRequestsBefore = _site.Requests.Count;
        var viewUrl = new Uri(_daemon.LibraryUri, $"/links/{_linkId}?tab=archived&snapshot={_snapshotId}").ToString();
        await page.GotoAsync(viewUrl);

        var frame = page.FrameLocator("#archive-frame");
        await Expect(frame.Locator("#c")).ToHaveTextAsync("Hostile archived page");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.That(await frame.Locator("#c").TextContentAsync(), Is.EqualTo("Hostile archived page"), "script ran");
        Assert.That(page.Url, Is.EqualTo(viewUrl), "the top window was navigated");
        Assert.That(_site.Requests.Skip(siteRequestsBefore), Is.Empty, "the archived page reached another host");
        lock (answered)
        {
            Assert.That(answered.Where(u => u.Contains("from-snapshot", StringComparison.Ordinal) || u.Contains("/api/tags/rename", StringComparison.Ordinal)), Is.Empty);
            Assert.That(answered.Where(u => u.StartsWith(_site.BaseUri.ToString(), StringComparison.Ordinal)), Is.Empty);
        }

        lock (refused)
        {
            Assert.That(refused.Select(r => r.Url), Does.Contain(_site.Url("/remote.png").ToString()), "the remote image was attempted and refused");
            Assert.That(refused.Where(r => r.Reason != "csp"), Is.Empty, "every refused request was refused by the CSP, before the network");
        }

        Assert.That(await TagNamesAsync(), Does.Contain("victim").And.Not.Contain("pwned"));
        await page.CloseAsync();
    }

    [Test]
    public async Task PageOnAnotherLoopbackOriginCannotChangeAnything()
    {
        var lib = _daemon.LibraryUri.ToString().TrimEnd('/');
        _site.MapHtml("/evil.html", $$"""
            <!doctype html><html><body><p>evil neighbour</p>
            <script>
              fetch('{{lib}}/api/tags/rename', { method: 'POST', mode: 'no-cors', credentials: 'include',
                headers: { 'Content-Type': 'text/plain' }, body: '{"from":"victim","to":"pwned"}' });
            </script></body></html>
            """);
        var page = await _context.NewPageAsync();
        var refused = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/tags/rename", StringComparison.Ordinal));
        await page.GotoAsync(_site.Url("/evil.html").ToString());
        var response = await refused;
        Assert.That(response.Status, Is.EqualTo(401), "the library's own host name is another site: its Strict cookie is not sent");
        Assert.That(await TagNamesAsync(), Does.Contain("victim").And.Not.Contain("pwned"));
        await page.CloseAsync();
    }

    [Test]
    public async Task Another_loopback_service_and_the_snapshot_origin_never_receive_the_library_cookie()
    {
        var cookies = new List<string>();
        _site.Map("/dev-server", async http =>
        {
            lock (cookies)
            {
                cookies.Add(http.Request.Headers.Cookie.ToString());
            }

            http.Response.ContentType = "text/html";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(http.Response, "<!doctype html><p>another program on loopback</p>");
        });
        var page = await _context.NewPageAsync();
        var port = _site.BaseUri.Port;
        foreach (var url in new[] { $"http://127.0.0.1:{port}/dev-server", $"http://localhost:{port}/dev-server" })
        {
            await page.GotoAsync(url);
            await Expect(page.Locator("p")).ToHaveTextAsync("another program on loopback");
        }

        lock (cookies)
        {
            Assert.That(cookies, Has.Count.EqualTo(2));
            Assert.That(cookies, Has.All.Empty, "a service on another loopback port received a cookie");
        }

        // What the browser holds: one cookie, for the library's own name only.
        var held = await _context.CookiesAsync();
        Assert.That(held.Select(c => (c.Name, c.Domain)), Is.EqualTo(new[] { (LinkSnap.Web.LibrarySession.CookieName, _daemon.Session.LibraryHost) }));
        Assert.That(await _context.CookiesAsync([_daemon.SnapshotUri.ToString(), $"http://localhost:{port}/", _site.BaseUri.ToString()]), Is.Empty);
        await page.CloseAsync();
    }

    private async Task<List<string?>> TagNamesAsync()
    {
        using var client = _daemon.CreateSocketClient();
        var tags = await client.GetFromJsonAsync<JsonElement>("/api/tags");
        return tags.EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
    }
}
