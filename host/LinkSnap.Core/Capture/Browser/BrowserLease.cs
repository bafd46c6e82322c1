using Microsoft.Playwright;

namespace LinkSnap.Core.Capture.Browser;

/// <summary>The browser, borrowed for one capture; disposing it lets the idle timer run again.</summary>
internal sealed class BrowserLease(BrowserHost host, IBrowser browser) : IDisposable
{
    private int _released;

    public IBrowser Browser { get; } = browser;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            host.Release();
        }
    }
}
