using LinkSnap.Bench.Harness;

namespace LinkSnap.Bench.Compare;

/// <summary>
/// HEAD ÷ base per round (the two turns of a round are taken moments apart, under the same load), as
/// <see cref="Stats"/> over the rounds: a burst of load that lands on one turn moves one ratio, where it
/// would move one side's median (decision 075).
/// </summary>
public static class PairedRatio
{
    public static Stats Of(IReadOnlyList<double> head, IReadOnlyList<double> baseline)
    {
        if (head.Count != baseline.Count || head.Count == 0)
        {
            throw new ArgumentException($"rounds must pair up: {head.Count} HEAD turns, {baseline.Count} base turns");
        }

        return Stats.Of(head.Zip(baseline, (ours, theirs) => ours / theirs));
    }
}
