using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;

namespace LinkSnap.Daemon;

/// <summary>Where a request came in. The per-user socket (mode 0600) is trusted; loopback TCP needs a session.</summary>
public static class DaemonConnection
{
    // Kestrel does not put IConnectionEndPointFeature on the request's features, but it does expose
    // the accepted socket (IConnectionSocketFeature); its address family is decisive.
    public static bool IsUnixSocket(HttpContext context)
    {
        var endPoint = context.Features.Get<IConnectionSocketFeature>()?.Socket?.LocalEndPoint
            ?? context.Features.Get<IConnectionEndPointFeature>()?.LocalEndPoint;
        return endPoint?.AddressFamily == AddressFamily.Unix;
    }
}
