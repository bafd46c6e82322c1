using System.Net;
using System.Net.Sockets;
using LinkSnap.Core.Capture;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>Redirects, refused targets and network failures: every capture ends with a clear reason.</summary>
[TestFixture]
public sealed class FetchFailureTests : CaptureTestBase
{
    protected override void Configure(CaptureOptions options)
    {
        options.MaxDocumentMegabytes = 1;
        options.NavigationTimeout = TimeSpan.FromSeconds(3);
    }

    private void Redirect(string from, string to, int status = 302) =>
        Server.Map(from, ctx =>
        {
            ctx.Response.StatusCode = status;
            ctx.Response.Headers.Location = to;
            return Task.CompletedTask;
        });

    private static void AssertFailed(Captured captured, string reasonPart)
    {
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Failed));
        Assert.That(captured.Result.Reason, Does.Contain(reasonPart));
    }

    [Test]
    public async Task Redirect_chain_is_recorded()
    {
        Redirect("/old", "/moved", 301);
        Redirect("/moved", Server.Url("/new").AbsoluteUri, 307);
        Server.MapHtml("/new", "<html><head><title>New home</title></head><body><p>Arrived at the new home.</p></body></html>");
        var captured = await CaptureAsync(Server.Url("/old"));
        Assert.That(captured.Result.Outcome, Is.Not.EqualTo(CaptureOutcome.Failed), captured.Result.Reason);
        Assert.That(captured.Result.Metadata.FinalUrl, Is.EqualTo(Server.Url("/new").AbsoluteUri));
        Assert.That(captured.Result.Metadata.Redirects, Is.EqualTo(new[] { Server.Url("/old").AbsoluteUri, Server.Url("/moved").AbsoluteUri }));
        Assert.That(captured.Result.ArticleText, Does.Contain("Arrived at the new home."));
    }

    [Test]
    public async Task Redirect_loop_fails()
    {
        Redirect("/loop-a", "/loop-b");
        Redirect("/loop-b", "/loop-a");
        AssertFailed(await CaptureAsync(Server.Url("/loop-a")), "Redirect loop");
    }

    [Test]
    public async Task Too_many_redirects_fail()
    {
        for (var i = 0; i < 15; i++)
        {
            Redirect($"/hop{i}", $"/hop{i + 1}");
        }

        AssertFailed(await CaptureAsync(Server.Url("/hop0")), "Too many redirects");
    }

    [Test]
    public async Task Unreachable_port_fails()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        AssertFailed(await CaptureAsync(new Uri($"http://127.0.0.1:{port}/")), "connection refused");
    }

    [Test]
    public async Task Dns_failure_fails() =>
        AssertFailed(await CaptureAsync(new Uri("http://no-such-host.invalid/page")), "DNS lookup failed for no-such-host.invalid");

    [Test]
    public async Task Tls_error_fails()
    {
        var https = new UriBuilder(Server.BaseUri) { Scheme = "https" }.Uri; // an HTTP server cannot complete a TLS handshake
        AssertFailed(await CaptureAsync(https), "TLS error");
    }

    [Category(TestCategories.TimingSensitive)]
    [Test]
    public async Task Server_that_never_answers_times_out()
    {
        Server.Map("/hang", async ctx => await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted));
        AssertFailed(await CaptureAsync(Server.Url("/hang")), "Timed out after 3 s");
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Document_over_the_size_limit_fails(bool withContentLength)
    {
        var big = new byte[1536 * 1024];
        Server.Map($"/big{withContentLength}", async ctx =>
        {
            ctx.Response.ContentType = "application/octet-stream";
            if (withContentLength)
            {
                ctx.Response.ContentLength = big.Length;
            }

            for (var offset = 0; offset < big.Length; offset += 64 * 1024)
            {
                await ctx.Response.Body.WriteAsync(big.AsMemory(offset, 64 * 1024), ctx.RequestAborted);
            }
        });
        AssertFailed(await CaptureAsync(Server.Url($"/big{withContentLength}")), "larger than 1 MB");
    }

    [TestCase("file:///etc/passwd")]
    [TestCase("javascript:alert(1)")]
    [TestCase("data:text/html,<p>hi</p>")]
    [TestCase("chrome://settings")]
    [TestCase("ftp://example.org/file")]
    public async Task Non_http_schemes_are_refused(string url) =>
        AssertFailed(await CaptureAsync(new Uri(url)), "Only http and https links can be captured");

    [Test]
    public async Task Private_targets_are_refused_unless_allowed()
    {
        await using var strict = CreateEngine(o => o.AllowPrivateTargets = false);
        Server.MapHtml("/private", "<p>internal</p>");
        var byAddress = await CaptureAsync(Server.Url("/private"), engine: strict);
        AssertFailed(byAddress, "loopback/private/link-local");
        var byName = await CaptureAsync(new Uri($"http://localhost:{Server.BaseUri.Port}/private"), engine: strict);
        AssertFailed(byName, "Refused: localhost resolves to");
        AssertFailed(await CaptureAsync(new Uri("http://10.1.2.3/"), engine: strict), "Refused: 10.1.2.3 is a loopback/private/link-local address");
        Assert.That(Server.Requests, Does.Not.Contain("/private"), "no request reached the private server");
    }

    [Test]
    public async Task A_private_host_on_the_allowed_list_is_captured_and_every_other_private_host_is_still_refused()
    {
        await using var listed = CreateEngine(o =>
        {
            o.AllowPrivateTargets = false;
            o.AllowedPrivateHosts = ["127.0.0.1"];
        });
        var port = Server.BaseUri.Port;
        Server.MapHtml("/nas", $"<p>shared drive index</p><img src=\"http://localhost:{port}/by-name.png\">");

        var captured = await CaptureAsync(new Uri($"http://127.0.0.1:{port}/nas"), engine: listed);

        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
        Assert.That(captured.Result.ArticleText, Does.Contain("shared drive index"));
        Assert.That(Server.Requests, Does.Not.Contain("/by-name.png"), "localhost is private and not on the list: its image was refused");
        AssertFailed(await CaptureAsync(new Uri($"http://localhost:{port}/nas"), engine: listed), "Refused: localhost resolves to");
    }

    [Test]
    public async Task An_as_seen_page_keeps_its_private_subresources_and_a_fresh_capture_refuses_them()
    {
        // The user's browser already loaded an as-seen page, intranet images included.
        await using var strict = CreateEngine(o => o.AllowPrivateTargets = false);
        var port = Server.BaseUri.Port;
        Server.MapContent("/intranet.png", "image/png", Fixtures.RedPng);
        var dom = $"<html><body><p>intranet page</p><img src=\"http://127.0.0.1:{port}/intranet.png\"></body></html>";

        var asSeen = await CaptureAsync(new Uri("https://intranet.example/page"), CaptureMode.AsSeen, dom, engine: strict);
        Assert.That(asSeen.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), asSeen.Result.Reason);
        Assert.That(Server.Requests, Does.Contain("/intranet.png"));

        Server.MapHtml("/fresh-page", $"<p>fresh</p><img src=\"http://127.0.0.1:{port}/intranet-fresh.png\">");
        await using var listed = CreateEngine(o => { o.AllowPrivateTargets = false; o.AllowedPrivateHosts = ["localhost"]; });
        var fresh = await CaptureAsync(new Uri($"http://localhost:{port}/fresh-page"), engine: listed);
        Assert.That(fresh.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), fresh.Result.Reason);
        Assert.That(Server.Requests, Does.Not.Contain("/intranet-fresh.png"), "127.0.0.1 is not on the list: the fresh capture's image was refused");
    }

    [Test]
    public async Task The_test_request_filter_sees_every_subresource()
    {
        // Tests keep corpus pages off the internet with this filter, even where private targets are allowed.
        await using var filtered = CreateEngine(o => o.RequestFilterForTests = url => !url.AbsolutePath.EndsWith("/filtered.png", StringComparison.Ordinal));
        Server.MapHtml("/with-filtered", "<p>page text</p><img src=\"/filtered.png\">");

        var captured = await CaptureAsync(Server.Url("/with-filtered"), engine: filtered);

        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
        Assert.That(Server.Requests, Does.Not.Contain("/filtered.png"));
    }
}
