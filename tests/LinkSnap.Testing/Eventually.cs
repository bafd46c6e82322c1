using System.Diagnostics;
using NUnit.Framework;

namespace LinkSnap.Testing;

/// <summary>
/// The one bounded wait of the test suites: a condition is polled until it holds or the bound
/// passes, and a failure says what the test waited for and what it saw last. Tests wait for what a
/// user would see, never for a fixed time; the bound only keeps a broken build from hanging.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds; returns that value.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan bound, Func<T, string> waitingFor)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > bound)
            {
                Assert.Fail($"Waited {bound.TotalSeconds:0} s for {waitingFor(value)}");
            }

            await Task.Delay(Poll);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan bound, string waitingFor) =>
        ValueAsync(condition, held => held, bound, _ => waitingFor);

    public static Task TrueAsync(Func<bool> condition, TimeSpan bound, string waitingFor) =>
        ValueAsync(() => Task.FromResult(condition()), held => held, bound, _ => waitingFor);
}
