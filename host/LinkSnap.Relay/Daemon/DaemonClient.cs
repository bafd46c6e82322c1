using System.Net.Sockets;
using System.Text;

namespace LinkSnap.Relay.Daemon;

/// <summary>
/// HTTP/1.1 over the daemon's per-user Unix socket: one POST /api/native per message, each on its own
/// connection. Written by hand and synchronous on purpose: the browser starts the relay for every
/// message, and HttpClient's first request plus .NET's asynchronous socket engine cost about 7 ms of
/// the relay's 10 ms budget (measured, docs/benchmarks.md "Relay"). The request asks the daemon to
/// close the connection after its reply, so the reply ends where the stream ends.
/// </summary>
internal sealed class DaemonClient(string socketPath, TimeSpan timeout)
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>A connection to the daemon, or null when nothing accepts connections on the socket (no daemon, or a stale file).</summary>
    public Socket? TryConnect()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            socket.SendTimeout = socket.ReceiveTimeout = (int)timeout.TotalMilliseconds;
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    /// <summary>Sends one message; throws IOException or SocketException when the exchange fails.</summary>
    public static (int Status, byte[] Body) PostNative(Socket socket, byte[] message)
    {
        var head = $"POST /api/native HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {message.Length}\r\nConnection: close\r\n\r\n";
        socket.Send(Encoding.ASCII.GetBytes(head));
        socket.Send(message);
        return ParseResponse(ReadToEnd(socket));
    }

    /// <summary>Status and body of a complete HTTP/1.1 response that carries a Content-Length.</summary>
    internal static (int Status, byte[] Body) ParseResponse(byte[] response)
    {
        var end = response.AsSpan().IndexOf(HeaderEnd);
        if (end < 0)
        {
            throw new IOException("the daemon's reply ended before its headers did");
        }

        var lines = Encoding.ASCII.GetString(response, 0, end).Split("\r\n");
        var statusLine = lines[0].Split(' ');
        if (statusLine.Length < 2 || !statusLine[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(statusLine[1], out var status))
        {
            throw new IOException($"the daemon's reply is not HTTP: {lines[0]}");
        }

        var lengthHeader = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (lengthHeader is null || !int.TryParse(lengthHeader["Content-Length:".Length..].Trim(), out var length))
        {
            throw new IOException("the daemon's reply has no Content-Length");
        }

        var bodyStart = end + HeaderEnd.Length;
        if (response.Length - bodyStart < length)
        {
            throw new IOException($"the daemon's reply was cut off after {response.Length - bodyStart} of {length} bytes");
        }

        return (status, response[bodyStart..(bodyStart + length)]);
    }

    private static byte[] ReadToEnd(Socket socket)
    {
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int n;
        while ((n = socket.Receive(buffer)) > 0)
        {
            received.Write(buffer, 0, n);
        }

        return received.ToArray();
    }
}
