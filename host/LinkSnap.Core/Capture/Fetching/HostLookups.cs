using System.Net;
using System.Net.Sockets;

namespace LinkSnap.Core.Capture.Fetching;

/// <summary>
/// The checking proxy's DNS answers (checked by the <see cref="TargetGuard"/>), shared for a short
/// while: a page asks for the same host dozens of times at once (ads, beacons), and a resolver
/// that limits its rate drops queries in such bursts, each drop costing glibc's 5 s retry
/// (measured on this machine: 40 lookups of one name from 40 threads, 30 answered only after 5 or
/// 10 s; one Sohu page had 30 lookups of one host in flight, several refused at the 3 s bound).
/// Failures are kept as long as answers, so a dead host is asked once. Connections still go to
/// the addresses that were checked, so sharing an answer does not open a rebinding gap.
/// </summary>
internal sealed class HostLookups(TargetGuard guard)
{
    /// <summary>A resolver that does not answer would hold the request, and with it the page's load event.</summary>
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int PruneAbove = 1000;

    private readonly Dictionary<string, (Task<IPAddress[]> Lookup, long ExpiresAt)> _answers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The host's checked addresses; throws CaptureFailureException (refused, unresolvable) or OperationCanceledException (timed out).</summary>
    public Task<IPAddress[]> ResolveAsync(string host)
    {
        var now = Environment.TickCount64;
        lock (_answers)
        {
            if (_answers.TryGetValue(host, out var answer) && answer.ExpiresAt > now)
            {
                return answer.Lookup;
            }

            if (_answers.Count > PruneAbove)
            {
                foreach (var stale in _answers.Where(a => a.Value.ExpiresAt <= now).Select(a => a.Key).ToList())
                {
                    _answers.Remove(stale);
                }
            }

            var lookup = LookUpAsync(host);
            _answers[host] = (lookup, now + (long)Lifetime.TotalMilliseconds);
            return lookup;
        }
    }

    /// <summary>
    /// True when the host's answer, still held, was final: the name does not exist, has no address,
    /// or its addresses are refused. A timeout or a resolver's temporary failure is not final.
    /// </summary>
    public bool IsGone(string host)
    {
        lock (_answers)
        {
            return _answers.TryGetValue(host, out var answer) && answer.Lookup.IsFaulted
                && answer.Lookup.Exception?.InnerException is CaptureFailureException e
                && e.InnerException is null or SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData };
        }
    }

    private async Task<IPAddress[]> LookUpAsync(string host)
    {
        using var timeout = new CancellationTokenSource(ResolveTimeout);
        return await guard.ResolveAsync(host, timeout.Token);
    }
}
