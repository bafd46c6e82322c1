using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LinkSnap.Core.Capture;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>
/// What a captured page could use to reach past the capture's rules: WebRTC's UDP (STUN), the
/// capture proxy spoken to by another local user, an as-seen page's own markup (meta refresh,
/// noscript, frames, objects) aimed at loopback, and navigations to refused hosts. The fixture runs
/// as a user would: private addresses refused, except 127.0.0.1 (the fixture server) on the
/// allowed list; "localhost" is the private service a page must not reach. Real Chromium, real sockets.
/// </summary>
[TestFixture]
[CancelAfter(90_000)]
public sealed class CaptureIsolationTests : CaptureTestBase
{
    protected override void Configure(CaptureOptions options)
    {
        options.AllowPrivateTargets = false;
        options.AllowedPrivateHosts = ["127.0.0.1"];
        options.SettleTimeout = TimeSpan.FromSeconds(4);
        options.NavigationTimeout = TimeSpan.FromSeconds(20);
    }

    private string Private(string path) => $"http://localhost:{Server.BaseUri.Port}{path}";

    [Test]
    public async Task A_captured_page_sends_no_udp_with_webrtc()
    {
        using var stun = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)stun.Client.LocalEndPoint!).Port;
        var received = stun.ReceiveAsync();
        Server.MapHtml("/webrtc", $$"""
            <html><head><title>WebRTC</title></head><body><p id="state">WebRTC not started.</p>
            <script>
              (async () => {
                const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:127.0.0.1:{{port}}' }] });
                pc.createDataChannel('probe');
                await pc.setLocalDescription(await pc.createOffer());
                document.getElementById('state').textContent = 'WebRTC offer made, ICE gathering ' + pc.iceGatheringState + '.';
              })().catch(e => document.getElementById('state').textContent = 'WebRTC failed: ' + e);
            </script></body></html>
            """);

        var captured = await CaptureAsync(Server.Url("/webrtc"));

        Assert.That(captured.Result.ArticleText, Does.Contain("WebRTC offer made"), "the page ran its WebRTC code");
        // Gathering sends its first STUN request at once; the capture took seconds after that.
        var first = await Task.WhenAny(received, Task.Delay(TimeSpan.FromSeconds(1)));
        Assert.That(first, Is.Not.SameAs(received), "a STUN packet reached the loopback listener");
    }

    [Test]
    public async Task Another_local_user_is_refused_by_the_capture_proxy_and_captures_still_work()
    {
        Server.MapContent("/through-proxy.png", "image/png", Fixtures.RedPng);
        Server.MapHtml("/through-proxy", "<html><body><p>Loaded through the signed-in proxy.</p><img src=\"/through-proxy.png\" width=\"80\" height=\"80\"></body></html>");
        var proxy = Engine.Proxy.Url;
        var target = Server.Url("/from-another-user").AbsoluteUri;

        var plain = await RunAsAnotherUserAsync("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-x", proxy, target);
        var tunnel = await RunAsAnotherUserAsync("curl", "-s", "-o", "/dev/null", "-w", "%{http_connect}", "-p", "-x", proxy, target);

        Assert.That(plain, Is.EqualTo("407"), "a plain request through the proxy");
        Assert.That(tunnel, Is.EqualTo("407"), "a CONNECT tunnel through the proxy");
        Assert.That(Server.Requests, Does.Not.Contain("/from-another-user"));

        var captured = await CaptureAsync(Server.Url("/through-proxy"));
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
        Assert.That(await CountPixelsAsync(captured.Bytes(ArtifactKinds.Screenshot), 255, 0, 0), Is.GreaterThan(60 * 60), "the image came through the proxy");
    }

    [Test]
    public async Task An_as_seen_page_cannot_aim_the_capture_at_private_services_but_keeps_its_intranet_images()
    {
        Server.MapContent("/intranet.png", "image/png", Fixtures.RedPng);
        Server.MapContent("/intranet.css", "text/css", "h1 { color: rgb(0, 0, 255); }"u8.ToArray());
        // As the tab serialized it: with scripts on, noscript content is text, and it stays so.
        var dom = $"""
            <html><head><title>Intranet dashboard</title>
            <noscript><meta http-equiv="refresh" content="0;url={Private("/noscript-refresh")}"></noscript>
            <meta http-equiv="refresh" content="1;url={Private("/meta-refresh")}">
            <link rel="stylesheet" href="{Private("/intranet.css")}">
            </head><body><h1>Dashboard</h1><p>The dashboard as the user saw it.</p>
            <img src="{Private("/intranet.png")}" width="80" height="80">
            <noscript><img src="{Private("/noscript-pixel.png")}"></noscript>
            <iframe src="{Private("/frame")}"></iframe>
            <object data="{Private("/object")}" type="text/html"></object>
            <embed src="{Private("/embed")}" type="text/html">
            <video src="{Private("/video.mp4")}"></video>
            </body></html>
            """;
        var url = new Uri("https://intranet.example/dashboard");

        var captured = await CaptureAsync(url, CaptureMode.AsSeen, dom);

        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
        Assert.That(captured.Result.Metadata.FinalUrl, Is.EqualTo(url.AbsoluteUri));
        Assert.That(captured.Result.ArticleText, Does.Contain("The dashboard as the user saw it."));
        Assert.That(await CountPixelsAsync(captured.Bytes(ArtifactKinds.Screenshot), 255, 0, 0), Is.GreaterThan(60 * 60), "the intranet image is shown");
        Assert.That(Server.Requests, Does.Contain("/intranet.png").And.Contain("/intranet.css"));
        Assert.That(Server.Requests, Has.None.AnyOf("/noscript-refresh", "/meta-refresh", "/noscript-pixel.png", "/frame", "/object", "/embed", "/video.mp4"));
    }

    /// <summary>
    /// Every way a script can send the tab elsewhere while the document is still parsing. Starting a
    /// navigation aborts the parser, so unless the capture holds it until load the saved copy ends
    /// at the script; a refused target is then cancelled and the (cut) document was all there was.
    /// The navigation timeout is 20 s: a refused navigation that held the load would end the capture
    /// partial with "did not finish loading", so the outcome says whether it was cancelled at once.
    /// </summary>
    [TestCase("form-submit", "document.getElementById('f').submit();")]
    [TestCase("button-click", "document.getElementById('send').click();")]
    [TestCase("location", "location = '{0}';")]
    [TestCase("location-href", "location.href = '{0}';")]
    [TestCase("location-assign", "location.assign('{0}');")]
    [TestCase("location-replace", "location.replace('{0}');")]
    public async Task A_page_that_leaves_for_a_refused_host_while_parsing_is_kept_whole(string how, string script)
    {
        var target = Private($"/refused-{how}");
        Server.MapHtml($"/leaves-{how}", $"""
            <html><head><title>Leaves while parsing</title></head><body><p>Before the script.</p>
            <form id="f" method="post" action="{target}"><input name="a" value="1"><button id="send" name="via" value="button">Send</button></form>
            <script>{string.Format(script, target)}</script>
            <p>After the script: the rest of the document survives.</p></body></html>
            """);

        var captured = await CaptureAsync(Server.Url($"/leaves-{how}"));

        Assert.Multiple(() =>
        {
            Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
            Assert.That(captured.Result.ArticleText, Does.Contain("Before the script.").And.Contain("After the script: the rest of the document survives."));
            Assert.That(captured.Text(ArtifactKinds.Html), Does.Contain("After the script: the rest of the document survives."));
            Assert.That(Server.Requests, Has.None.StartsWith($"/refused-{how}"));
        });
    }

    /// <summary>
    /// A script redirect to a host the capture may reach is still followed (a "Redirecting…" page
    /// or an auto-posting form is saved as the page it leads to), but only once the first document
    /// has loaded: a script below the redirect still runs (its request reaches the server before the
    /// target's; an image would not show it, as the preload scanner fetches images of a cut
    /// document too), and a form sent by its submit button arrives with its fields and the button's
    /// own name and value.
    /// </summary>
    [TestCase("location", "location = '/allowed-location';", "/allowed-location")]
    [TestCase("button-click", "document.getElementById('send').click();", "/allowed-button-click")]
    public async Task A_page_that_leaves_for_an_allowed_host_while_parsing_is_followed_once_it_has_loaded(string how, string script, string target)
    {
        var received = "";
        Server.Map(target, async ctx =>
        {
            received = ctx.Request.HasFormContentType ? string.Join("&", (await ctx.Request.ReadFormAsync()).Select(f => $"{f.Key}={f.Value}")) : "";
            ctx.Response.ContentType = "text/html; charset=utf-8";
            await ctx.Response.WriteAsync("<html><head><title>Landing</title></head><body><p>The page the redirect leads to.</p></body></html>");
        });
        Server.MapContent($"/parsed-to-the-end-{how}.png", "image/png", Fixtures.RedPng);
        Server.MapHtml($"/redirects-{how}", $"""
            <html><head><title>Redirecting</title></head><body><p>Redirecting…</p>
            <form id="f" method="post" action="{target}"><input name="a" value="1"><button id="send" name="via" value="button">Send</button></form>
            <script>{script}</script>
            <script>new Image().src = '/parsed-to-the-end-{how}.png';</script></body></html>
            """);

        var captured = await CaptureAsync(Server.Url($"/redirects-{how}"));

        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
        Assert.That(captured.Result.ArticleText, Does.Contain("The page the redirect leads to."));
        var requests = Server.Requests.ToList();
        Assert.That(requests, Does.Contain($"/parsed-to-the-end-{how}.png"), "the first document was parsed to its end");
        Assert.That(requests.IndexOf($"/parsed-to-the-end-{how}.png"), Is.LessThan(requests.IndexOf(target)), "the redirect waited for the first document's load");
        if (how == "button-click")
        {
            Assert.That(received, Is.EqualTo("a=1&via=button"), "the form arrived as the button sent it");
        }
    }

    [Test]
    public async Task A_navigation_to_a_refused_host_is_cancelled_at_once_and_the_document_kept()
    {
        Server.MapHtml("/leaves", $"""
            <html><head><title>Leaves</title></head><body><p>This page tries to leave for a private service.</p>
            <script>setTimeout(() => location.href = '{Private("/elsewhere")}', 50);</script></body></html>
            """);

        var captured = await CaptureAsync(Server.Url("/leaves"));

        // A navigation held until its timeout (20 s) would leave the page unsettled: partial, not done.
        Assert.That(captured.Result.Outcome, Is.EqualTo(CaptureOutcome.Done), captured.Result.Reason);
        Assert.That(captured.Result.ArticleText, Does.Contain("This page tries to leave for a private service."));
        Assert.That(Server.Requests, Does.Not.Contain("/elsewhere"));
    }

    /// <summary>Runs a command as "nobody" (tests run as root), or as this user elsewhere; returns its output.</summary>
    private static async Task<string> RunAsAnotherUserAsync(params string[] command)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in asRoot ? ["-u", "nobody", "--", .. command] : command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return output.Trim();
    }
}
