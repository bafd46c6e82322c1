using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace LinkSnap.Web;

/// <summary>
/// Knows which loopback ports the library and the sandboxed snapshot origin ended up on. Both may be
/// ephemeral (port 0), so the real numbers are read from Kestrel once it has bound. The library is
/// addressed by its own host name (<see cref="LibraryHostName"/>), the snapshot origin by 127.0.0.1.
/// </summary>
public sealed class LibraryListeners(IServiceProvider services, LibraryHostName hostName)
{
    private ListenOptions? _snapshotListen;

    /// <summary>Adds the snapshot origin's own loopback listener; called while Kestrel is configured.</summary>
    internal void ListenForSnapshots(KestrelServerOptions kestrel, int port)
    {
        kestrel.Listen(IPAddress.Loopback, port, listen => _snapshotListen = listen);
    }

    /// <summary>The bound snapshot port, or 0 before the server has started.</summary>
    public int SnapshotPort => (_snapshotListen?.EndPoint as IPEndPoint)?.Port ?? 0;

    /// <summary>The bound library (and API) loopback port, or 0 before the server has started.</summary>
    public int LibraryPort
    {
        get
        {
            // IServer is resolved late: Kestrel's own options are configured through this class.
            var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                if (address.StartsWith("http://unix:", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (Uri.TryCreate(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                    && uri.Port > 0 && uri.Port != SnapshotPort)
                {
                    return uri.Port;
                }
            }

            return 0;
        }
    }

    public bool IsSnapshotPort(int localPort) => localPort != 0 && localPort == SnapshotPort;

    public string LibraryHost => hostName.Value;

    public string LibraryOrigin => $"http://{hostName.Value}:{LibraryPort}";

    public string SnapshotOrigin => $"http://127.0.0.1:{SnapshotPort}";
}
