using System.Text.Json;
using LinkSnap.Core.Capture.Rendering;
using Microsoft.Playwright;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Capture;

/// <summary>
/// The freeze's last step against a session that answers as Chromium does while a navigation
/// swaps the page's document host (seen in CI: the capture ended failed instead of partial).
/// </summary>
public sealed class StopLoadingTests
{
    [Test]
    public async Task A_document_swap_during_the_freeze_is_waited_out()
    {
        var cdp = new SwappingSession(refusals: 3);
        var pauses = 0;
        await PageSettler.StopLoadingAsync(cdp, () => { pauses++; return Task.CompletedTask; });
        Assert.That(cdp.Sent, Is.EqualTo(4), "sent again until the session reaches the new document");
        Assert.That(pauses, Is.EqualTo(3));
    }

    [Test]
    public async Task A_swap_that_never_settles_leaves_the_page_frozen_as_it_is()
    {
        var cdp = new SwappingSession(refusals: int.MaxValue);
        await PageSettler.StopLoadingAsync(cdp, () => Task.CompletedTask, attempts: 5);
        Assert.That(cdp.Sent, Is.EqualTo(5));
    }

    [Test]
    public void Any_other_protocol_error_still_fails_the_capture()
    {
        var cdp = new SwappingSession(refusals: 0, other: "Target closed");
        Assert.ThrowsAsync<PlaywrightException>(() => PageSettler.StopLoadingAsync(cdp, () => Task.CompletedTask));
        Assert.That(cdp.Sent, Is.EqualTo(1));
    }

    private sealed class SwappingSession(int refusals, string? other = null) : ICDPSession
    {
        public int Sent { get; private set; }

        public event EventHandler<ICDPSession>? Close;

        public Task<JsonElement?> SendAsync(string method, Dictionary<string, object>? args = null)
        {
            Assert.That(method, Is.EqualTo("Page.stopLoading"));
            Sent++;
            if (other is not null)
            {
                throw new PlaywrightException($"Protocol error ({method}): {other}");
            }

            return Sent <= refusals
                ? throw new PlaywrightException($"Protocol error ({method}): Not attached to an active page")
                : Task.FromResult<JsonElement?>(null);
        }

        public ICDPSessionEvent Event(string eventName) => throw new NotSupportedException();

        public Task DetachAsync()
        {
            Close?.Invoke(this, this);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
