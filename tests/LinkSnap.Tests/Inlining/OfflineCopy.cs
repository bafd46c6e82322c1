using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace LinkSnap.Tests.Inlining;

/// <summary>A saved copy open in its own browser context, with the requests it attempted.</summary>
internal sealed record OfflineCopy(IBrowserContext Context, IPage Page, ConcurrentQueue<string> Attempted) : IAsyncDisposable
{
    public Task<T> EvalAsync<T>(string script) => Page.EvaluateAsync<T>(script);

    public async Task<string> TextAsync() => await Page.EvaluateAsync<string>("() => document.body.innerText");

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
