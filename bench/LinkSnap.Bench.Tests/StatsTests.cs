using LinkSnap.Bench.Harness;
using NUnit.Framework;

namespace LinkSnap.Bench.Tests;

public class StatsTests
{
    [Test]
    public void Median_min_max_and_p95_of_repeated_runs()
    {
        var stats = Stats.Of(Enumerable.Range(1, 100).Select(i => (double)i).Reverse());

        Assert.That((stats.Count, stats.Median, stats.Min, stats.Max, stats.P95), Is.EqualTo((100, 50.5, 1.0, 100.0, 95.0)));
    }

    [Test]
    public void Median_of_an_odd_count_is_the_middle_value() =>
        Assert.That(Stats.Of([5, 1, 3]).Median, Is.EqualTo(3.0));

    [Test]
    public void No_values_give_no_figures() =>
        Assert.That(Stats.Of([]).Format(), Is.EqualTo("n/a"));

    [Test]
    public void Table_shows_every_figure_with_its_target_and_verdict()
    {
        var table = TablePrinter.Render(
        [
            new BenchRow { Section = "speed", Figure = "per-page wall time", Value = 1.5, Unit = " s", PeerValue = 9, Peer = "single-file", Ratio = 6, Target = "≥ 5× faster", Met = true },
            new BenchRow { Section = "relay", Figure = "cold start", ValueText = "n/a", Target = "≤ 10 ms", Note = "relay not built" },
        ]);

        Assert.Multiple(() =>
        {
            Assert.That(table, Does.Contain("per-page wall time"));
            Assert.That(table, Does.Contain("1.500 s"));
            Assert.That(table, Does.Contain("9.000 s [single-file]"));
            Assert.That(table, Does.Contain("6.00×"));
            Assert.That(table, Does.Contain("| yes"));
            Assert.That(table, Does.Contain("* cold start: relay not built"));
        });
    }
}
