using LinkSnap.Bench.Compare;
using LinkSnap.Bench.Harness;
using NUnit.Framework;

namespace LinkSnap.Bench.Tests;

public class PairedRatioTests
{
    [Test]
    public void A_burst_of_load_on_some_of_one_sides_turns_moves_those_rounds_not_the_ratio()
    {
        // HEAD takes 0.95 of the base's time in every round but the last; load (×10) lands on both turns of
        // rounds 3–5 and on HEAD's turn only in round 7. The ratio of the two medians reads a 9.5× regression.
        double[] baseline = [1, 1, 10, 10, 10, 1, 1];
        double[] head = [0.95, 0.95, 9.5, 9.5, 9.5, 0.95, 9.5];
        var paired = PairedRatio.Of(head, baseline);

        Assert.That(Stats.Of(head).Median / Stats.Of(baseline).Median, Is.EqualTo(9.5).Within(1e-9));
        Assert.That(paired.Median, Is.EqualTo(0.95).Within(1e-9));
        Assert.That((paired.Min, paired.Max), Is.EqualTo((0.95, 9.5)).Within(1e-9));
    }

    [Test]
    public void Rounds_that_do_not_pair_up_are_refused() =>
        Assert.That(() => PairedRatio.Of([1, 2], [1]), Throws.ArgumentException.With.Message.Contains("2 HEAD turns, 1 base turns"));
}
