namespace LinkSnap.Bench.Compare;

/// <summary>
/// Rounds in which both builds take one turn each, the first turn alternating (ABBA…): a burst of load from
/// the other agents on this machine lands on both sides alike instead of on whichever ran second.
/// </summary>
public static class Interleaved
{
    public static async Task RunAsync<T>(T first, T second, int rounds, Func<T, int, Task> turn, CancellationToken cancellationToken)
    {
        for (var round = 0; round < rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (a, b) = round % 2 == 0 ? (first, second) : (second, first);
            await turn(a, round);
            await turn(b, round);
        }
    }
}
