using LinkSnap.Bench.Quality;
using NUnit.Framework;

namespace LinkSnap.Bench.Tests;

public class GuardSharesTests
{
    [Test]
    public void The_checks_share_counts_the_guard_step_only_and_preparation_is_its_own_share()
    {
        var shares = GuardShares.Of(new Dictionary<string, double> { ["total"] = 2000, ["guard"] = 40, ["guard-prepare"] = 300, ["settle"] = 900 });

        Assert.That(shares, Is.EqualTo(new GuardShares(0.02, 0.15)));
    }

    [Test]
    public void A_capture_without_guard_timings_shares_nothing() =>
        Assert.That(GuardShares.Of(new Dictionary<string, double> { ["total"] = 1000 }), Is.EqualTo(new GuardShares(0, 0)));

    [Test]
    public void A_capture_without_a_total_gives_no_share() =>
        Assert.That(GuardShares.Of(new Dictionary<string, double> { ["guard"] = 40 }), Is.Null);
}
