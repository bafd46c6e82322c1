using LinkSnap.Testing;
using NUnit.Framework;
using NUnit.Framework.Internal;

namespace LinkSnap.Core.Tests.Testing;

/// <summary>The suites' one bounded wait: it returns the value that met the condition, and a timeout names what was awaited and what was seen.</summary>
public sealed class EventuallyTests
{
    [Test]
    public async Task Returns_the_first_value_that_meets_the_condition()
    {
        var calls = 0;
        var value = await Eventually.ValueAsync(() => Task.FromResult(++calls), n => n == 3, TimeSpan.FromSeconds(10), n => $"three calls (saw {n})");
        Assert.That(value, Is.EqualTo(3));
    }

    [Test]
    public async Task A_condition_that_never_holds_fails_with_what_was_awaited_and_last_seen()
    {
        string? message = null;
        // Isolated: the expected failure must not be recorded as this test's own.
        using (new TestExecutionContext.IsolatedContext())
        {
            try
            {
                await Eventually.ValueAsync(() => Task.FromResult("queued"), s => s == "done", TimeSpan.FromMilliseconds(200), s => $"the job to finish (it was {s})");
            }
            catch (AssertionException e)
            {
                message = e.Message;
            }
        }

        Assert.That(message, Does.Contain("Waited 0 s for the job to finish (it was queued)"));
    }
}
