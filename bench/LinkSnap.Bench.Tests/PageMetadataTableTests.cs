using LinkSnap.Bench.Extraction;
using LinkSnap.Bench.Harness;
using NUnit.Framework;

namespace LinkSnap.Bench.Tests;

/// <summary>
/// Issue 18: pagemeta's table row for a field a set has no ground truth for (zh-cwced-dev's titles)
/// says "-" (not applicable) in every column, where it used to print n/a and a failed target ("NO").
/// </summary>
public class PageMetadataTableTests
{
    private static string[] Cells(BenchRow row) =>
        TablePrinter.Render([row]).Split('\n')[3].Split('|').Select(c => c.Trim()).ToArray();

    [Test]
    public void A_field_with_no_ground_truth_in_the_set_prints_dashes_not_a_failed_target()
    {
        var row = PageMetadataBenchmark.FieldRow("zh-cwced-dev", "title exact", "≥ 0.85", 0.85, scored: 0, matched: 0, peerMatched: 0);

        Assert.Multiple(() =>
        {
            Assert.That(row.Met, Is.Null);
            Assert.That(row.Value, Is.Null, "no NaN reaches latest.json");
            Assert.That(Cells(row), Is.EqualTo(new[] { "title exact, zh-cwced-dev (0 pages)", "-", "-", "", "≥ 0.85", "-" }));
        });
    }

    [Test]
    public void A_field_with_ground_truth_prints_its_rate_the_peers_and_the_verdict()
    {
        var row = PageMetadataBenchmark.FieldRow("postlight", "title exact", "≥ 0.85", 0.85, scored: 170, matched: 153, peerMatched: 87);

        Assert.That(Cells(row), Is.EqualTo(new[] { "title exact, postlight (170 pages)", "0.900", "0.512 [Readability.js]", "", "≥ 0.85", "yes" }));
    }

    [Test]
    public void A_rate_below_its_target_still_prints_NO() =>
        Assert.That(PageMetadataBenchmark.FieldRow("postlight", "author exact", "≥ 0.75", 0.75, 170, 100, 40).Met, Is.False);
}
