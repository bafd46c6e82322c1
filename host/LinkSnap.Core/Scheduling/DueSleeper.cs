namespace LinkSnap.Core.Scheduling;

/// <summary>
/// Sleeps until the next due time or until <see cref="Wake"/> is called (a schedule was added or
/// changed), on an injected <see cref="TimeProvider"/>. It never polls: with 100,000 schedules the
/// daemon wakes once per due check, not once per tick. The one exception is a cap of
/// <see cref="MaxNap"/> per sleep, because timers count elapsed time and a wall clock moved forward
/// (suspend, NTP) would otherwise leave a check sleeping past its due time.
/// </summary>
public sealed class DueSleeper(TimeProvider time)
{
    public static readonly TimeSpan MaxNap = TimeSpan.FromMinutes(15);

    private readonly object _gate = new();
    private TaskCompletionSource _wake = NewWake();

    /// <summary>Ends the current (or the next) sleep early.</summary>
    public void Wake()
    {
        lock (_gate)
        {
            _wake.TrySetResult();
        }
    }

    /// <summary>
    /// Returns when <paramref name="due"/> has come, when woken, or after <see cref="MaxNap"/>; the
    /// caller then looks at what is due again. A null due time (nothing scheduled) sleeps until woken
    /// or the nap ends.
    /// </summary>
    public async Task SleepUntilAsync(DateTimeOffset? due, CancellationToken cancellationToken)
    {
        Task wake;
        lock (_gate)
        {
            if (_wake.Task.IsCompleted)
            {
                _wake = NewWake();
                return;
            }
            wake = _wake.Task;
        }
        var delay = due is { } at ? at - time.GetUtcNow() : MaxNap;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }
        using var nap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(delay < MaxNap ? delay : MaxNap, time, nap.Token);
        await Task.WhenAny(timer, wake);
        await nap.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_wake.Task.IsCompleted)
            {
                _wake = NewWake();
            }
        }
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
