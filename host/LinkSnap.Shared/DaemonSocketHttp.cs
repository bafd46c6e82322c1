using System.Net.Sockets;

namespace LinkSnap.Shared;

/// <summary>
/// The one way to make an HttpClient that talks to the daemon's API over its per-user Unix socket
/// (no token: access to the socket file is the authorization). Used by the CLI, the doctor, the tests
/// and the bench. The relay does not use it: it speaks HTTP/1.1 by hand to stay within its start-up
/// budget (host/LinkSnap.Relay/Daemon/DaemonClient.cs).
/// </summary>
public static class DaemonSocketHttp
{
    /// <summary>The base address requests are made against; the host name is never resolved.</summary>
    public static readonly Uri BaseAddress = new("http://localhost/");

    public static HttpClient CreateClient(string socketPath, TimeSpan timeout) =>
        new(CreateHandler(socketPath)) { BaseAddress = BaseAddress, Timeout = timeout };

    public static SocketsHttpHandler CreateHandler(string socketPath) => new()
    {
        UseProxy = false,
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
