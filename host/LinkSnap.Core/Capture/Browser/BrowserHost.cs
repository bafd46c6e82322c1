using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Browser;

/// <summary>
/// One warm Chromium shared by all captures: launched on first use, closed after an idle period,
/// relaunched on demand and after a crash or disconnect. Captures hold a lease while they run,
/// so the idle timer never closes a browser in use.
/// </summary>
internal sealed class BrowserHost : IAsyncDisposable
{
    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(60);

    private readonly CaptureOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _sync = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private ITimer? _idleTimer;
    private int _leases;
    private bool _disposed;

    public BrowserHost(CaptureOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
    }

    public bool IsRunning => _browser is { IsConnected: true };

    /// <summary>The nice value the driver and browser were started at (Linux), or the daemon's own.</summary>
    public int BrowserNice { get; private set; }

    /// <summary>Number of launches so far (a relaunch after idle or a crash counts).</summary>
    public int Launches { get; private set; }

    public async Task<BrowserLease> AcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is not { IsConnected: true })
            {
                await CloseCoreAsync();
                await LaunchAsync();
            }

            lock (_sync)
            {
                _leases++;
                _idleTimer?.Dispose();
                _idleTimer = null;
            }

            return new BrowserLease(this, _browser!);
        }
        finally
        {
            _gate.Release();
        }
    }

    internal void Release()
    {
        lock (_sync)
        {
            if (--_leases == 0 && !_disposed)
            {
                _idleTimer?.Dispose();
                _idleTimer = _time.CreateTimer(_ => _ = CloseIfIdleAsync(), null, _options.BrowserIdleTimeout, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private async Task LaunchAsync()
    {
        _playwright ??= await StartDriverAsync();
        var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = _options.ResolveExecutablePath(),
            Headless = true,
            // WebRTC's UDP (STUN, peer connections) would leave beside the checking proxy, to any
            // address: only proxied traffic is allowed, so a captured page sends no UDP at all.
            // (The switch was "force-webrtc-ip-handling-policy" before Chromium 1xx; both are given.)
            Args =
            [
                "--disable-quic",
                "--webrtc-ip-handling-policy=disable_non_proxied_udp",
                "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
            ],
            // Not the navigation timeout: on a machine with both cores busy a launch took over 4 s,
            // and a capture that waited for it is still bounded by its job timeout.
            Timeout = (float)LaunchTimeout.TotalMilliseconds,
        });
        browser.Disconnected += (_, _) => _logger.LogWarning("Chromium disconnected; it is relaunched on the next capture.");
        _browser = browser;
        Launches++;
        _logger.LogInformation("Chromium {Version} launched at nice {Nice}.", browser.Version, BrowserNice);
    }

    /// <summary>
    /// A new Playwright driver, started Capture:BrowserNiceness steps below the daemon's CPU priority on Linux
    /// (decision 081), so Chromium, which it launches, and every process Chromium starts run there too.
    /// </summary>
    private async Task<IPlaywright> StartDriverAsync()
    {
        if (!OperatingSystem.IsLinux() || _options.BrowserNiceness == 0)
        {
            BrowserNice = OperatingSystem.IsLinux() ? ProcessPriority.Own() : 0;
            return await Playwright.CreateAsync();
        }

        BrowserNice = Math.Min(ProcessPriority.Lowest, ProcessPriority.Own() + _options.BrowserNiceness);
        var (playwright, lowered) = await ProcessPriority.StartAtAsync(BrowserNice, Playwright.CreateAsync);
        if (!lowered)
        {
            _logger.LogWarning("Could not lower the capture browser's CPU priority; captures run at the daemon's.");
        }

        return playwright;
    }

    internal static async Task<int> BrowserProcessIdAsync(IBrowser browser)
    {
        var cdp = await browser.NewBrowserCDPSessionAsync();
        try
        {
            var info = await cdp.SendAsync("SystemInfo.getProcessInfo");
            foreach (var process in info!.Value.GetProperty("processInfo").EnumerateArray())
            {
                if (process.GetProperty("type").GetString() == "browser")
                {
                    return process.GetProperty("id").GetInt32();
                }
            }

            throw new InvalidOperationException("Chromium listed no browser process.");
        }
        finally
        {
            await cdp.DetachAsync();
        }
    }

    /// <summary>Test hook: the browser's process id.</summary>
    internal Task<int> BrowserProcessIdForTestsAsync() =>
        BrowserProcessIdAsync(_browser ?? throw new InvalidOperationException("No browser is running."));

    private async Task CloseIfIdleAsync()
    {
        await _gate.WaitAsync();
        try
        {
            lock (_sync)
            {
                if (_leases > 0)
                {
                    return;
                }

                _idleTimer?.Dispose();
                _idleTimer = null;
            }

            _logger.LogInformation("Closing idle Chromium.");
            await CloseCoreAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CloseCoreAsync()
    {
        var browser = _browser;
        _browser = null;
        if (browser is { IsConnected: true })
        {
            try
            {
                await browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                _logger.LogDebug(e, "Closing Chromium failed; it was already gone.");
            }
        }

        // The driver goes too: a fresh one is cheap, and a browser that crashed may have taken it with it.
        _playwright?.Dispose();
        _playwright = null;
    }

    /// <summary>Test hook: kills the browser process, as a crash would.</summary>
    internal async Task KillBrowserForTestsAsync()
    {
        System.Diagnostics.Process.GetProcessById(await BrowserProcessIdForTestsAsync()).Kill();
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            lock (_sync)
            {
                _disposed = true;
                _idleTimer?.Dispose();
                _idleTimer = null;
            }

            await CloseCoreAsync();
        }
        finally
        {
            _gate.Release();
        }
    }
}
