using System.Net;
using System.Net.Sockets;

namespace LinkSnap.Core.Capture.Fetching;

/// <summary>
/// Refuses what a capture must not reach: non-http(s) schemes always, and loopback, private and
/// link-local addresses unless allowed. Checks every address a name resolves to, at connect time,
/// so a DNS answer cannot change between the check and the connection.
/// </summary>
internal sealed class TargetGuard(bool allowPrivateTargets, Func<Uri, bool>? filter = null, IEnumerable<string>? allowedPrivateHosts = null)
{
    private readonly HashSet<string> _allowedPrivateHosts = new(
        (allowedPrivateHosts ?? []).Select(h => h.Trim().Trim('[', ']')).Where(h => h.Length > 0), StringComparer.OrdinalIgnoreCase);

    public bool AllowPrivateTargets { get; } = allowPrivateTargets;

    /// <summary>False when the test-only request filter blocks this URL.</summary>
    public bool PassesFilter(Uri url) => filter is null || filter(url);

    public static void EnsureHttpScheme(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            var scheme = url.IsAbsoluteUri ? url.Scheme + ":" : "a relative URL";
            throw new CaptureFailureException($"Only http and https links can be captured, not {scheme}.");
        }
    }

    /// <summary>Resolves a host and returns its addresses, or throws with the reason it is refused.</summary>
    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException e)
            {
                throw new CaptureFailureException($"DNS lookup failed for {host}: {e.Message}.", e);
            }

            if (addresses.Length == 0)
            {
                throw new CaptureFailureException($"DNS lookup failed for {host}: no addresses.");
            }
        }

        if (!AllowPrivateTargets && !_allowedPrivateHosts.Contains(host.Trim('[', ']')))
        {
            foreach (var address in addresses)
            {
                if (IsPrivate(address))
                {
                    var what = literal is null ? $"{host} resolves to {address}," : $"{host} is";
                    throw new CaptureFailureException(
                        $"Refused: {what} a loopback/private/link-local address (settings Capture:AllowPrivateTargets, Capture:AllowedPrivateHosts).");
                }
            }
        }

        return addresses;
    }

    /// <summary>SocketsHttpHandler.ConnectCallback: resolve, check, then connect to a checked address.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endPoint = context.DnsEndPoint;
        var addresses = await ResolveAsync(endPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            var what = e.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : e.Message;
            throw new CaptureFailureException($"Could not connect to {endPoint.Host}:{endPoint.Port}: {what}.", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (first & 0xFE) == 0xFC; // fc00::/7 unique local
        }

        var b = address.GetAddressBytes();
        return b[0] == 10
            || b[0] == 0
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127); // carrier-grade NAT
    }
}
