using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace LinkSnap.Tests.Capture;

/// <summary>A saved page opened in the viewer with all network blocked; <see cref="Attempted"/> lists what it still tried to load.</summary>
public sealed class OfflineView(IBrowserContext context) : IAsyncDisposable
{
    public const string Address = "http://saved-copy.invalid/page.html";

    public IPage Page { get; set; } = null!;

    public ConcurrentBag<string> Attempted { get; } = [];

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}
