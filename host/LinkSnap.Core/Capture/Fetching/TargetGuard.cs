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

        if (RefusedAddress(host, addresses) is { } address)
        {
            var what = literal is null ? $"{host} resolves to {address}," : $"{host} is";
            throw new CaptureFailureException(
                $"Refused: {what} a loopback/private/link-local address (settings Capture:AllowPrivateTargets, Capture:AllowedPrivateHosts).");
        }

        return addresses;
    }

    /// <summary>The first of a host's addresses this guard refuses, or null when it allows them all.</summary>
    public IPAddress? RefusedAddress(string host, IEnumerable<IPAddress> addresses) =>
        AllowPrivateTargets || _allowedPrivateHosts.Contains(host.Trim('[', ']')) ? null : addresses.FirstOrDefault(IsPrivate);

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

    /// <summary>
    /// True for addresses a capture must not reach: loopback, private, link-local, carrier-grade
    /// NAT, benchmarking, multicast and reserved ranges, and IPv6 forms that carry such an IPv4
    /// address to a translator or tunnel (mapped, compatible, SIIT, NAT64, 6to4, Teredo). NAT64 and
    /// 6to4 of public addresses stay reachable: on an IPv6-only network with DNS64 every IPv4 site
    /// resolves to 64:ff9b::/96.
    /// </summary>
    public static bool IsPrivate(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? IsPrivateV6(b) : IsPrivateV4(b);
    }

    private static bool IsPrivateV4(ReadOnlySpan<byte> b) =>
        b[0] == 0 // "this network", 0.0.0.0 included
        || b[0] == 10
        || b[0] == 127
        || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) // carrier-grade NAT
        || (b[0] == 169 && b[1] == 254)
        || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
        || (b[0] == 192 && b[1] == 0 && b[2] == 0) // IETF protocol assignments
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) // benchmarking, 198.18.0.0/15
        || b[0] >= 224; // multicast 224.0.0.0/4, reserved 240.0.0.0/4 and broadcast

    private static bool IsPrivateV6(byte[] b)
    {
        var v6 = new IPAddress(b);
        if (v6.IsIPv6LinkLocal || v6.IsIPv6SiteLocal || v6.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC) // fc00::/7 unique local
        {
            return true;
        }

        var span = b.AsSpan();
        if (span[..12].IndexOfAnyExcept((byte)0) < 0)
        {
            // ::/96: the unspecified address, loopback and the deprecated IPv4-compatible form, none of them a site.
            return true;
        }

        if (span[..10].IndexOfAnyExcept((byte)0) < 0 && span[10] == 0xFF && span[11] == 0xFF)
        {
            return IsPrivateV4(span[12..]); // ::ffff:a.b.c.d, IPv4-mapped
        }

        if (span[..8].IndexOfAnyExcept((byte)0) < 0 && span[8] == 0xFF && span[9] == 0xFF && span[10] == 0 && span[11] == 0)
        {
            return IsPrivateV4(span[12..]); // ::ffff:0:a.b.c.d, SIIT
        }

        if (span[..4].SequenceEqual(Nat64) && span[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return IsPrivateV4(span[12..]); // 64:ff9b::/96, NAT64 well-known prefix
        }

        if (span[..6].SequenceEqual(LocalNat64))
        {
            return true; // 64:ff9b:1::/48, local-use NAT64 (RFC 8215): a translator of the local network
        }

        if (span[0] == 0x20 && span[1] == 0x02)
        {
            return IsPrivateV4(span[2..6]); // 2002::/16, 6to4
        }

        if (span[..4].SequenceEqual(Teredo))
        {
            // 2001::/32, Teredo: the client's IPv4 address is the last 32 bits, inverted.
            Span<byte> client = [(byte)~span[12], (byte)~span[13], (byte)~span[14], (byte)~span[15]];
            return IsPrivateV4(client) || IsPrivateV4(span[4..8]);
        }

        return false;
    }

    private static ReadOnlySpan<byte> Nat64 => [0x00, 0x64, 0xFF, 0x9B];

    private static ReadOnlySpan<byte> LocalNat64 => [0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01];

    private static ReadOnlySpan<byte> Teredo => [0x20, 0x01, 0x00, 0x00];
}
