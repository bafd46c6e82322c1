using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;

namespace LinkSnap.Daemon;

/// <summary>Where a request came in. The per-user socket (mode 0600) is trusted; loopback TCP needs a session.</summary>
public static class DaemonConnection
{
    /// <summary>Decided from the accepted socket's address family (Kestrel does not always fill the end-point feature), never from headers.</summary>
    public static bool IsUnixSocket(HttpContext context)
    {
        var socket = context.Features.Get<IConnectionSocketFeature>()?.Socket;
        var endPoint = socket?.LocalEndPoint ?? context.Features.Get<IConnectionEndPointFeature>()?.LocalEndPoint;
        return endPoint is not null && endPoint.AddressFamily == AddressFamily.Unix;
    }
}
