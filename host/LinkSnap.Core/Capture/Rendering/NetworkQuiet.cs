using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Rendering;

/// <summary>
/// Tracks the page's requests in flight (every frame) from the page's request events, so that
/// settling can wait until none is in flight for a short quiet window. Playwright's NetworkIdle
/// always costs 500 ms of silence after the last request, and once reached it stays reached for the
/// document even when new requests start (e.g. the images the eager switch starts); this tracker
/// answers for the network as it is now.
/// </summary>
internal sealed class NetworkQuiet
{
    /// <summary>How long the network must stay silent. Short: a page's follow-up requests start within a few ms of what triggered them.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long the main frame must go without starting or committing a navigation: a page that
    /// reloads or redirects itself on a timer is busy even while the network is silent between two
    /// loads. As long as Playwright's NetworkIdle, which such a page also never reached.
    /// </summary>
    public static readonly TimeSpan NavigationWindow = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly HashSet<IRequest> _inFlight = new(ReferenceEqualityComparer.Instance);
    private long _lastChange;
    private long _lastNavigation;

    /// <summary>Subscribes before navigation, so that no request of the page is missed.</summary>
    public NetworkQuiet(IPage page, TimeProvider time)
    {
        _time = time;
        _lastChange = time.GetTimestamp();
        _lastNavigation = _lastChange;
        page.Request += (_, request) => Change(request, started: true);
        page.RequestFinished += (_, request) => Change(request, started: false);
        page.RequestFailed += (_, request) => Change(request, started: false);

        // A new document in the main frame: counted when it commits too, since its request may
        // have taken a while (its round trip through .NET) and its timers start only now.
        page.FrameNavigated += (_, frame) =>
        {
            if (frame.ParentFrame is null)
            {
                lock (_lock)
                {
                    _lastNavigation = _time.GetTimestamp();
                }
            }
        };
    }

    /// <summary>True once nothing has been in flight for <paramref name="window"/>; false when <paramref name="bound"/> passes first.</summary>
    public async Task<bool> WaitAsync(TimeSpan window, TimeSpan bound, CancellationToken cancellationToken = default)
    {
        var start = _time.GetTimestamp();
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var quietFor = _time.GetElapsedTime(_lastChange);
                var stillFor = _time.GetElapsedTime(_lastNavigation);
                if (_inFlight.Count == 0 && quietFor >= window && stillFor >= NavigationWindow)
                {
                    return true;
                }

                // Nothing in flight: sleep just until both windows would be over, then look again.
                var windowsLeft = window - quietFor > NavigationWindow - stillFor ? window - quietFor : NavigationWindow - stillFor;
                wait = _inFlight.Count == 0 ? windowsLeft : Poll;
            }

            var left = bound - _time.GetElapsedTime(start);
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            await Task.Delay(wait < left ? wait : left, _time, cancellationToken);
        }
    }

    private static bool IsMainFrameNavigation(IRequest request)
    {
        try
        {
            return request.IsNavigationRequest && request.Frame.ParentFrame is null;
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    private void Change(IRequest request, bool started)
    {
        lock (_lock)
        {
            var changed = started ? _inFlight.Add(request) : _inFlight.Remove(request);
            if (changed)
            {
                _lastChange = _time.GetTimestamp();
            }

            if (started && IsMainFrameNavigation(request))
            {
                _lastNavigation = _lastChange;
            }
        }
    }
}
