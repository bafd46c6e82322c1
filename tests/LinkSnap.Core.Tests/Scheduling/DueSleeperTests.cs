using LinkSnap.Core.Scheduling;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Scheduling;

public sealed class DueSleeperTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Sleeps_until_the_due_time_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero));
        var sleeper = new DueSleeper(clock);

        var sleep = sleeper.SleepUntilAsync(clock.GetUtcNow().AddMinutes(5), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.That(sleep.IsCompleted, Is.False);
        clock.Advance(TimeSpan.FromMinutes(1));
        await sleep.WaitAsync(Bound);
    }

    [Test]
    public async Task A_far_due_time_is_slept_in_naps_so_a_wall_clock_moved_forward_is_noticed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero));
        var sleeper = new DueSleeper(clock);

        var sleep = sleeper.SleepUntilAsync(clock.GetUtcNow().AddDays(30), CancellationToken.None);
        clock.Advance(DueSleeper.MaxNap);
        await sleep.WaitAsync(Bound);
    }

    [Test]
    public async Task Wake_ends_a_sleep_early_and_a_wake_before_the_sleep_is_not_lost()
    {
        var clock = new FakeTimeProvider();
        var sleeper = new DueSleeper(clock);

        var sleep = sleeper.SleepUntilAsync(null, CancellationToken.None);
        Assert.That(sleep.IsCompleted, Is.False);
        sleeper.Wake();
        await sleep.WaitAsync(Bound);

        sleeper.Wake();
        await sleeper.SleepUntilAsync(clock.GetUtcNow().AddDays(1), CancellationToken.None).WaitAsync(Bound);
        var third = sleeper.SleepUntilAsync(clock.GetUtcNow().AddDays(1), CancellationToken.None);
        Assert.That(third.IsCompleted, Is.False, "one wake ends one sleep");
    }

    [Test]
    public void Cancellation_ends_the_sleep()
    {
        var sleeper = new DueSleeper(new FakeTimeProvider());
        using var stop = new CancellationTokenSource();
        var sleep = sleeper.SleepUntilAsync(null, stop.Token);
        stop.Cancel();
        Assert.ThrowsAsync<OperationCanceledException>(() => sleep.WaitAsync(Bound));
    }
}
