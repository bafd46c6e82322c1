namespace LinkSnap.Bench.Memory;

/// <summary>Samples the daemon's RSS and its Chromium's PSS every half second while a run goes on.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<(double Seconds, long Rss, long ChromiumPss)> _samples = [];

    public MemorySampler(int pid)
    {
        _pid = pid;
        _loop = Task.Run(LoopAsync);
    }

    public IReadOnlyList<(double Seconds, long Rss, long ChromiumPss)> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    public long PeakChromiumPss => Samples.Count == 0 ? 0 : Samples.Max(s => s.ChromiumPss);

    private async Task LoopAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!_stop.IsCancellationRequested)
        {
            var sample = (clock.Elapsed.TotalSeconds, ProcessMemory.RssBytes(_pid), ProcessMemory.ChromiumPssBytes(_pid));
            lock (_samples)
            {
                _samples.Add(sample);
            }

            try
            {
                await Task.Delay(500, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
