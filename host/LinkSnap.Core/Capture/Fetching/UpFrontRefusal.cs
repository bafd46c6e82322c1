using System.Net;

namespace LinkSnap.Core.Capture.Fetching;

/// <summary>
/// What can be refused before a capture is queued, so the person who typed it learns at once rather than
/// from a failed card later: a link whose host is written as a loopback/private address (or "localhost")
/// that the capture's address rule would refuse. Host names are only resolved at capture time
/// (<see cref="TargetGuard"/>), because a DNS answer may change before then.
/// </summary>
public static class UpFrontRefusal
{
    /// <summary>The reason in plain words, or null when the capture may be queued.</summary>
    public static string? PrivateAddress(Uri url, CaptureOptions options)
    {
        var host = url.Host.Trim('[', ']');
        var address = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var literal) ? literal : null;
        if (address is null)
        {
            return null;
        }

        var guard = new TargetGuard(options.AllowPrivateTargets, null, options.AllowedPrivateHosts);
        return guard.RefusedAddress(host, [address]) is null
            ? null
            : $"{host} is an address on this computer or a private network; LinkSnap captures public web pages only, unless private addresses are allowed in its settings.";
    }
}
