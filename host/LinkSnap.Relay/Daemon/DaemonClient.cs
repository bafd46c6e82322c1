using System.Net.Http.Headers;
using System.Net.Sockets;

namespace LinkSnap.Relay.Daemon;

/// <summary>HTTP over the daemon's per-user Unix socket: POST /api/native with one protocol message.</summary>
internal sealed class DaemonClient : IDisposable
{
    private readonly string _socketPath;
    private readonly HttpClient _http;

    public DaemonClient(string socketPath, TimeSpan timeout)
    {
        _socketPath = socketPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) => await ConnectAsync(ct),
            UseProxy = false,
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://localhost/"), Timeout = timeout };
    }

    /// <summary>True when something accepts connections on the socket (a live daemon, not a stale file).</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await ConnectAsync(cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async Task<(int Status, byte[] Body)> PostNativeAsync(byte[] message, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(message);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync("api/native", content, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return ((int)response.StatusCode, body);
    }

    public void Dispose() => _http.Dispose();

    private async Task<Stream> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
