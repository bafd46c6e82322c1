using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;

namespace LinkSnap.Daemon;

/// <summary>Where a request came in. The per-user socket (mode 0600) is trusted; loopback TCP needs a session.</summary>
public static class DaemonConnection
{
    public static bool IsUnixSocket(HttpContext context) =>
        context.Features.Get<IConnectionEndPointFeature>()?.LocalEndPoint is UnixDomainSocketEndPoint;
}
