using LinkSnap.Bench.Scoring;
using NUnit.Framework;

namespace LinkSnap.Bench.Tests;

public class TextF1Tests
{
    [Test]
    public void Same_words_in_another_order_score_one() =>
        Assert.That(TextF1.Score("Home About Contact", "Contact\nHome   About"), Is.EqualTo(1.0));

    [Test]
    public void Missing_half_of_the_words_scores_two_thirds() =>
        Assert.That(TextF1.Score("a b c d", "a b"), Is.EqualTo(2.0 / 3).Within(1e-12));

    [Test]
    public void Two_empty_pages_agree_and_one_empty_page_does_not()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TextF1.Score("", "  "), Is.EqualTo(1.0));
            Assert.That(TextF1.Score("text", ""), Is.EqualTo(0.0));
        });
    }

    [Test]
    public void Duplicated_text_lowers_precision() =>
        Assert.That(TextF1.Score("a b", "a b a b"), Is.EqualTo(2 * 0.5 * 1 / 1.5).Within(1e-12));
}
