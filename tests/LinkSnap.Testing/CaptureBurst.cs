using System.Diagnostics;

namespace LinkSnap.Testing;

/// <summary>What a burst gave: the HTTP status of every capture request and the status route's answer times meanwhile.</summary>
public sealed record BurstResult(IReadOnlyList<int> Statuses, IReadOnlyList<double> StatusLatenciesMs, IReadOnlyList<string> StatusErrors, TimeSpan Elapsed);

/// <summary>
/// A burst of capture requests against the daemon while the status route is probed until the queue has
/// drained: shared by the burst fault test (which asserts everything ends) and the benchmark (which
/// reports the status route's p95).
/// </summary>
public static class CaptureBurst
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(200);

    /// <param name="submitAsync">Sends capture request number i; returns its HTTP status.</param>
    /// <param name="pendingAsync">Calls the status route; returns how many captures are queued or running.</param>
    /// <param name="bound">The whole burst, drain included, is cancelled after this.</param>
    public static async Task<BurstResult> RunAsync(int count, int parallelism, Func<int, CancellationToken, Task<int>> submitAsync,
        Func<CancellationToken, Task<int>> pendingAsync, TimeSpan bound, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(bound);
        var clock = Stopwatch.StartNew();
        var statuses = new int[count];
        var sending = Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = limit.Token },
            async (i, token) => statuses[i] = await submitAsync(i, token));
        var latencies = new List<double>();
        var errors = new List<string>();
        while (true)
        {
            var probe = Stopwatch.StartNew();
            var pending = -1;
            try
            {
                pending = await pendingAsync(limit.Token);
                latencies.Add(probe.Elapsed.TotalMilliseconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors.Add(e.Message);
            }

            if (sending.IsCompleted && pending == 0)
            {
                break;
            }

            await Task.Delay(ProbeInterval, limit.Token);
        }

        await sending;
        return new BurstResult(statuses, latencies, errors, clock.Elapsed);
    }
}
