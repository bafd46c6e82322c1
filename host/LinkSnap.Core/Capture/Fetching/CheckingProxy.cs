using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace LinkSnap.Core.Capture.Fetching;

/// <summary>
/// The loopback HTTP proxy every request of a captured page goes through (the capture's browser
/// context is given it as its proxy, loopback included). Each connection it opens is checked by the
/// <see cref="TargetGuard"/> first: the host is resolved here, refused when it is private (unless
/// allowed) or does not resolve, and the socket connects to an address that was checked, so a DNS
/// answer cannot change in between. HTTPS and WebSockets pass as CONNECT tunnels; plain HTTP is
/// forwarded one request per connection (<c>Connection: close</c> both ways), which keeps the proxy
/// free of any HTTP framing beyond the request and response heads.
/// Why not Playwright's request routing: every routed request waited for a round trip through
/// Playwright's driver and .NET, and Chromium still resolved the host itself after the check
/// (docs/decisions/016-every-request-leaves-through-a-checking-proxy.md).
/// Only the capture contexts may use it: every request must carry this proxy's own random
/// credentials (Basic, <c>Proxy-Authorization</c>), so another local user's program is answered 407.
/// </summary>
internal sealed class CheckingProxy : IDisposable
{
    /// <summary>On the proxy's own refusals, so the navigation guard can tell them from a site's answer.</summary>
    public const string RefusedHeader = "X-LinkSnap-Refused";

    /// <summary>
    /// Answered by the proxy itself once the credentials are right: the capture asks for it first,
    /// so Chromium learns the credentials and sends them with every later request and tunnel.
    /// </summary>
    public const string CredentialsProbeUrl = "http://linksnap-proxy.invalid/credentials";

    private const int MaxHeadBytes = 64 * 1024;
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);

    private readonly TargetGuard _guard;
    private readonly HostLookups _lookups;
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _authorization;

    public CheckingProxy(TargetGuard guard)
    {
        _guard = guard;
        Password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        _authorization = Encoding.ASCII.GetBytes("Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes($"{UserName}:{Password}")));
        _lookups = new HostLookups(guard);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(512);
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}";
        _ = AcceptLoopAsync();
    }

    /// <summary>
    /// True when this proxy refused the host for good a moment ago: no such name, no address, or a
    /// refused address. A browser on this machine would get no answer from it either.
    /// </summary>
    public bool RefusedHostForGood(string host) => _lookups.IsGone(host);

    /// <summary>The proxy's address, for Chromium's proxy setting.</summary>
    public string Url { get; }

    public string UserName => "linksnap-capture";

    /// <summary>New for every proxy (every engine): nothing outside this process knows it.</summary>
    public string Password { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        Socket? upstream = null;
        try
        {
            client.NoDelay = true;
            using var headTimeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            headTimeout.CancelAfter(HeadTimeout);
            // A connection Chromium opened ahead of need and closed (or left idle past the timeout)
            // is closed without an answer: one sent later could be read as the answer to a request.
            var (head, rest) = await ReadHeadAsync(client, ReadOnlyMemory<byte>.Empty, headTimeout.Token);
            if (head is null && rest.Length == 0)
            {
                return;
            }

            if (head is null || ProxyRequest.Parse(head) is not { } request)
            {
                await RefuseAsync(client, 400, "Bad Request", "not a proxy request");
                return;
            }

            if (!IsAuthorized(request))
            {
                await RefuseAsync(client, 407, "Proxy Authentication Required", "this proxy serves LinkSnap's capture browser only",
                    "Proxy-Authenticate: Basic realm=\"LinkSnap capture\"\r\n");
                return;
            }

            if (!request.IsTunnel && request.Target.AbsoluteUri == CredentialsProbeUrl)
            {
                await client.SendAsync("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token);
                client.Shutdown(SocketShutdown.Send);
                return;
            }

            if (!_guard.PassesFilter(request.Target))
            {
                await RefuseAsync(client, 403, "Forbidden", "blocked by the test request filter");
                return;
            }

            IPAddress[] addresses;
            try
            {
                addresses = await _lookups.ResolveAsync(request.Target.Host);
            }
            catch (Exception e) when (e is CaptureFailureException or OperationCanceledException)
            {
                await RefuseAsync(client, 403, "Forbidden", e is CaptureFailureException ? e.Message : $"DNS lookup for {request.Target.Host} timed out");
                return;
            }

            upstream = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var connect = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                connect.CancelAfter(ConnectTimeout);
                await upstream.ConnectAsync(addresses, request.Target.Port, connect.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                await RefuseAsync(client, 502, "Bad Gateway", $"could not connect to {request.Target.Authority}");
                return;
            }

            if (request.IsTunnel)
            {
                await client.SendAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), _stop.Token);
                await upstream.SendAsync(rest, _stop.Token);
                await RelayAsync(client, upstream, rewriteResponseHead: false);
            }
            else
            {
                await upstream.SendAsync(Encoding.Latin1.GetBytes(request.OriginHead()), _stop.Token);
                await upstream.SendAsync(rest, _stop.Token);
                await RelayAsync(client, upstream, rewriteResponseHead: true);
            }
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException or TimeoutException)
        {
            // Either side went away (or did not close in time): nothing left to answer.
        }
        finally
        {
            upstream?.Dispose();
            client.Dispose();
        }
    }

    /// <summary>Copies both ways until either side closes; plain HTTP responses get <c>Connection: close</c>.</summary>
    private async Task RelayAsync(Socket client, Socket upstream, bool rewriteResponseHead)
    {
        using var clientStream = new NetworkStream(client, ownsSocket: false);
        using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
        var toUpstream = clientStream.CopyToAsync(upstreamStream, _stop.Token);
        var toClient = rewriteResponseHead
            ? CopyResponseAsync(upstream, clientStream)
            : upstreamStream.CopyToAsync(clientStream, _stop.Token);
        // One side is done: pass its end on (FIN, not a reset: a reset could discard the end of a
        // response Chromium has not read yet), then give the other side a moment to finish too.
        var first = await Task.WhenAny(toUpstream, toClient);
        var (other, finished) = first == toClient ? (toUpstream, client) : (toClient, upstream);
        finished.Shutdown(SocketShutdown.Send);
        await other.WaitAsync(CloseTimeout, _stop.Token);
    }

    private async Task CopyResponseAsync(Socket upstream, NetworkStream client)
    {
        var pending = ReadOnlyMemory<byte>.Empty;
        while (true)
        {
            var (head, rest) = await ReadHeadAsync(upstream, pending, _stop.Token);
            if (head is null)
            {
                // Not a response head we understand (or too long): pass it on untouched.
                await client.WriteAsync(rest, _stop.Token);
                break;
            }

            // Interim responses (103 Early Hints, 100 Continue) and a protocol switch pass as they
            // are; the final response is marked to close, so Chromium sends nothing more on it.
            var status = head.Length > 12 ? head.AsSpan(9, 3) : "";
            var interim = status.Length == 3 && status[0] == '1' && !status.SequenceEqual("101");
            var untouched = interim || status.SequenceEqual("101");
            await client.WriteAsync(Encoding.Latin1.GetBytes(untouched ? head : ProxyRequest.WithConnectionClose(head)), _stop.Token);
            if (!interim)
            {
                await client.WriteAsync(rest, _stop.Token);
                break;
            }

            pending = rest;
        }

        using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
        await upstreamStream.CopyToAsync(client, _stop.Token);
    }

    /// <summary>
    /// Reads up to the blank line that ends an HTTP head. Returns the head (with its final CRLF CRLF)
    /// and the bytes read after it; or a null head and everything read, when the stream ended or the
    /// head grew past the limit.
    /// </summary>
    private static async Task<(string? Head, ReadOnlyMemory<byte> After)> ReadHeadAsync(Socket socket, ReadOnlyMemory<byte> start, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Max(8192, start.Length)];
        start.CopyTo(buffer);
        var filled = start.Length;
        while (true)
        {
            var end = buffer.AsSpan(0, filled).IndexOf(HeadEnd);
            if (end >= 0)
            {
                var headLength = end + HeadEnd.Length;
                return (Encoding.Latin1.GetString(buffer, 0, headLength), buffer.AsMemory(headLength, filled - headLength));
            }

            if (filled == MaxHeadBytes)
            {
                return (null, buffer.AsMemory(0, filled));
            }

            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxHeadBytes));
            }

            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                return (null, buffer.AsMemory(0, filled));
            }

            filled += read;
        }
    }

    private bool IsAuthorized(ProxyRequest request)
    {
        const string Name = "Proxy-Authorization:";
        var line = request.HeaderLines.FirstOrDefault(l => l.StartsWith(Name, StringComparison.OrdinalIgnoreCase));
        return line is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(line[Name.Length..].Trim()), _authorization);
    }

    private async Task RefuseAsync(Socket client, int status, string reason, string why, string extraHeaders = "")
    {
        var detail = new string(why.Select(c => c < ' ' || c > '~' ? ' ' : c).ToArray());
        var response = $"HTTP/1.1 {status} {reason}\r\n{RefusedHeader}: {detail}\r\n{extraHeaders}Content-Length: 0\r\nConnection: close\r\n\r\n";
        await client.SendAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
        client.Shutdown(SocketShutdown.Send);
    }
}
