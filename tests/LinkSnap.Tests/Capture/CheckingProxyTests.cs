using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using LinkSnap.Core.Capture.Fetching;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Tests.Capture;

/// <summary>
/// The capture's checking proxy, spoken to over a real socket the way Chromium speaks to it, in
/// front of a real HTTP server. End-to-end captures through it are in FetchFailureTests and the
/// other capture tests (every capture's context uses it).
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class CheckingProxyTests
{
    private FixtureServer _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await FixtureServer.StartAsync();
        _server.MapContent("/hello", "text/plain", "hello through the proxy"u8.ToArray());
        _server.Map("/echo", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            await context.Response.WriteAsync($"{context.Request.Method} {body} connection={context.Request.Headers.Connection}");
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    private string Authority => _server.BaseUri.Authority;

    [Test]
    public async Task Forwards_a_plain_request_in_origin_form_and_closes_after_the_response()
    {
        using var proxy = new CheckingProxy(new TargetGuard(allowPrivateTargets: true));

        var response = await SendAsync(proxy, $"GET http://{Authority}/hello?x=1 HTTP/1.1\r\nHost: {Authority}\r\nProxy-Connection: keep-alive\r\n\r\n");

        Assert.That(response, Does.StartWith("HTTP/1.1 200"));
        Assert.That(response, Does.Contain("Connection: close\r\n"), "Chromium must not send a second request on this connection");
        Assert.That(response, Does.Contain("hello through the proxy"));
        Assert.That(_server.Requests, Does.Contain("/hello?x=1"));
    }

    [Test]
    public async Task Forwards_a_request_body_without_the_proxy_headers()
    {
        using var proxy = new CheckingProxy(new TargetGuard(allowPrivateTargets: true));

        var response = await SendAsync(proxy,
            $"POST http://{Authority}/echo HTTP/1.1\r\nHost: {Authority}\r\nProxy-Connection: keep-alive\r\nContent-Length: 11\r\n\r\nform=values");

        Assert.That(response, Does.Contain("POST form=values connection=close"));
    }

    [Test]
    public async Task Tunnels_a_CONNECT_to_the_checked_address()
    {
        using var proxy = new CheckingProxy(new TargetGuard(allowPrivateTargets: true));
        using var client = await ConnectAsync(proxy);

        await client.SendAsync(Encoding.ASCII.GetBytes(WithCredentials(proxy, $"CONNECT {Authority} HTTP/1.1\r\nHost: {Authority}\r\n\r\n")));
        var established = await ReadUntilAsync(client, "\r\n\r\n");
        Assert.That(established, Does.StartWith("HTTP/1.1 200"));

        // What TLS would carry: here plain HTTP through the tunnel, byte for byte.
        await client.SendAsync(Encoding.ASCII.GetBytes($"GET /hello HTTP/1.1\r\nHost: {Authority}\r\nConnection: close\r\n\r\n"));
        Assert.That(await ReadToEndAsync(client), Does.Contain("hello through the proxy"));
    }

    [Test]
    public async Task Refuses_private_hosts_before_connecting_and_marks_the_refusal()
    {
        using var proxy = new CheckingProxy(new TargetGuard(allowPrivateTargets: false));
        var port = _server.BaseUri.Port;

        var byName = await SendAsync(proxy, $"GET http://localhost:{port}/secret-by-name HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n");
        var tunnel = await SendAsync(proxy, $"CONNECT 127.0.0.1:{port} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");

        Assert.That(byName, Does.StartWith("HTTP/1.1 403"));
        Assert.That(byName, Does.Contain($"{CheckingProxy.RefusedHeader}: Refused: localhost resolves to"));
        Assert.That(tunnel, Does.StartWith("HTTP/1.1 403"));
        Assert.That(tunnel, Does.Contain("Refused: 127.0.0.1 is a loopback/private/link-local address"));
        Assert.That(_server.Requests, Does.Not.Contain("/secret-by-name"));
    }

    [Test]
    public async Task An_allowed_private_host_passes_and_others_are_still_refused()
    {
        using var proxy = new CheckingProxy(new TargetGuard(allowPrivateTargets: false, allowedPrivateHosts: ["127.0.0.1"]));
        var port = _server.BaseUri.Port;

        Assert.That(await SendAsync(proxy, $"GET http://127.0.0.1:{port}/hello HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"),
            Does.Contain("hello through the proxy"));
        Assert.That(await SendAsync(proxy, $"GET http://localhost:{port}/hello HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n"),
            Does.StartWith("HTTP/1.1 403"));
    }

    [Test]
    public async Task Unresolvable_hosts_and_closed_ports_get_marked_errors_at_once()
    {
        using var proxy = new CheckingProxy(new TargetGuard(allowPrivateTargets: true));

        var unresolvable = await SendAsync(proxy, "GET http://no-such-host.invalid/x.png HTTP/1.1\r\nHost: no-such-host.invalid\r\n\r\n");
        var closed = await SendAsync(proxy, "CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: 127.0.0.1:1\r\n\r\n");

        Assert.That(unresolvable, Does.StartWith("HTTP/1.1 403"));
        // "failed" from a resolver that answers NXDOMAIN, "timed out" from one that drops the query.
        Assert.That(unresolvable, Does.Match($"{CheckingProxy.RefusedHeader}: DNS lookup (failed )?for no-such-host.invalid"));
        Assert.That(closed, Does.StartWith("HTTP/1.1 502"));
        Assert.That(closed, Does.Contain($"{CheckingProxy.RefusedHeader}: could not connect to 127.0.0.1:1"));
    }

    [Test]
    public async Task The_test_request_filter_sees_plain_request_urls()
    {
        using var proxy = new CheckingProxy(new TargetGuard(allowPrivateTargets: true, filter: url => !url.AbsolutePath.EndsWith("/filtered-by-proxy.png", StringComparison.Ordinal)));

        var response = await SendAsync(proxy, $"GET http://{Authority}/filtered-by-proxy.png HTTP/1.1\r\nHost: {Authority}\r\n\r\n");

        Assert.That(response, Does.StartWith("HTTP/1.1 403"));
        Assert.That(_server.Requests, Does.Not.Contain("/filtered-by-proxy.png"));
    }

    [Test]
    public async Task Anything_but_a_proxy_request_is_a_bad_request()
    {
        using var proxy = new CheckingProxy(new TargetGuard(allowPrivateTargets: true));

        Assert.That(await SendAsync(proxy, "GET /relative HTTP/1.1\r\nHost: x\r\n\r\n"), Does.StartWith("HTTP/1.1 400"));
        Assert.That(await SendAsync(proxy, "GET file:///etc/passwd HTTP/1.1\r\n\r\n"), Does.StartWith("HTTP/1.1 400"));
    }

    [Test]
    public async Task Requests_without_the_proxy_credentials_are_refused_with_407()
    {
        using var proxy = new CheckingProxy(new TargetGuard(allowPrivateTargets: true));

        var none = await SendRawAsync(proxy, $"GET http://{Authority}/hello?no-credentials HTTP/1.1\r\nHost: {Authority}\r\n\r\n");
        var wrong = await SendRawAsync(proxy, $"CONNECT {Authority} HTTP/1.1\r\nProxy-Authorization: Basic bGlua3NuYXAtY2FwdHVyZTp4\r\n\r\n");
        var probe = await SendAsync(proxy, $"GET {CheckingProxy.CredentialsProbeUrl} HTTP/1.1\r\nHost: linksnap-proxy.invalid\r\n\r\n");

        Assert.That(none, Does.StartWith("HTTP/1.1 407"));
        Assert.That(none, Does.Contain("Proxy-Authenticate: Basic"));
        Assert.That(wrong, Does.StartWith("HTTP/1.1 407"));
        Assert.That(probe, Does.StartWith("HTTP/1.1 204"), "the probe Chromium learns the credentials with is answered by the proxy");
        Assert.That(_server.Requests, Does.Not.Contain("/hello?no-credentials"));
    }

    private static async Task<Socket> ConnectAsync(CheckingProxy proxy)
    {
        var uri = new Uri(proxy.Url);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(uri.Host, uri.Port);
        return socket;
    }

    /// <summary>Sends one request, with the proxy's credentials as Chromium sends them, and reads until the proxy closes the connection.</summary>
    private static Task<string> SendAsync(CheckingProxy proxy, string request) => SendRawAsync(proxy, WithCredentials(proxy, request));

    private static async Task<string> SendRawAsync(CheckingProxy proxy, string request)
    {
        using var socket = await ConnectAsync(proxy);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        return await ReadToEndAsync(socket);
    }

    private static string WithCredentials(CheckingProxy proxy, string request)
    {
        var credentials = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{proxy.UserName}:{proxy.Password}"));
        var firstLineEnd = request.IndexOf("\r\n", StringComparison.Ordinal) + 2;
        return request[..firstLineEnd] + $"Proxy-Authorization: Basic {credentials}\r\n" + request[firstLineEnd..];
    }

    private static async Task<string> ReadToEndAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return await reader.ReadToEndAsync();
    }

    private static async Task<string> ReadUntilAsync(Socket socket, string end)
    {
        var text = new StringBuilder();
        var buffer = new byte[1];
        while (!text.ToString().EndsWith(end, StringComparison.Ordinal) && await socket.ReceiveAsync(buffer) == 1)
        {
            text.Append((char)buffer[0]);
        }

        return text.ToString();
    }
}
