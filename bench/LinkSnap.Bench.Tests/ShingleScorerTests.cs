using LinkSnap.Bench.Extraction;
using LinkSnap.Bench.Scoring;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Bench.Tests;

public class ShingleScorerTests
{
    [Test]
    public void Identical_texts_score_one()
    {
        var score = ShingleScorer.Score("the quick brown fox jumps over the lazy dog", "the quick brown fox jumps over the lazy dog");

        Assert.That((score.Precision, score.Recall, score.F1), Is.EqualTo((1.0, 1.0, 1.0)));
    }

    [Test]
    public void Disjoint_texts_score_zero()
    {
        var score = ShingleScorer.Score("one two three four five", "six seven eight nine ten");

        Assert.That((score.Precision, score.Recall, score.F1), Is.EqualTo((0.0, 0.0, 0.0)));
    }

    [Test]
    public void Extra_predicted_text_lowers_precision_only()
    {
        // Truth: 6 tokens = 3 shingles. Prediction adds 2 tokens at the end: 5 shingles, 3 shared.
        var score = ShingleScorer.Score("a b c d e f", "a b c d e f g h");

        Assert.Multiple(() =>
        {
            Assert.That(score.Precision, Is.EqualTo(3.0 / 5).Within(1e-12));
            Assert.That(score.Recall, Is.EqualTo(1.0));
            Assert.That(score.TruePositives + score.FalsePositives + score.FalseNegatives, Is.EqualTo(1.0).Within(1e-12));
        });
    }

    [Test]
    public void Repeated_shingles_count_as_a_multiset()
    {
        // The truth has "a b c d" twice; predicting it once finds one of two.
        var score = ShingleScorer.Score("a b c d x a b c d", "a b c d");

        Assert.That(score.TruePositives / (score.TruePositives + score.FalseNegatives), Is.EqualTo(1.0 / 6).Within(1e-12));
    }

    [Test]
    public void Text_shorter_than_a_shingle_is_one_shingle()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ShingleScorer.Shingles("just two").Count, Is.EqualTo(1));
            Assert.That(ShingleScorer.Shingles("").Count, Is.EqualTo(0));
            Assert.That(ShingleScorer.Score("just two", "just two").F1, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Tokens_follow_python_word_characters()
    {
        // Python's \w: letters, any numeric (² is No), underscore; not combining marks, not punctuation.
        Assert.That(WordTokenizer.Tokenize("x² snake_case e\u0301t\u00e9 don't 中文 2024-01"),
            Is.EqualTo(new[] { "x²", "snake_case", "e", "té", "don", "t", "中文", "2024", "01" }));
    }

    [Test]
    public void Average_of_precision_and_recall_then_harmonic_mean()
    {
        var quality = ShingleScorer.Aggregate([new ShingleScore(1, 0, 0), new ShingleScore(0.5, 0.5, 0)]);

        Assert.Multiple(() =>
        {
            Assert.That(quality.Precision, Is.EqualTo(0.75).Within(1e-12));
            Assert.That(quality.Recall, Is.EqualTo(1.0).Within(1e-12));
            Assert.That(quality.F1, Is.EqualTo(2 * 0.75 / 1.75).Within(1e-12));
        });
    }

    [TestCase("readability_js", 0.947)]
    [TestCase("trafilatura", 0.958)]
    [TestCase("go_trafilatura", 0.960)]
    [TestCase("html-text", 0.665)]
    public void Reproduces_the_published_scores_of_the_reference_outputs(string name, double published)
    {
        var corpus = ZyteCorpus.Load(Corpus.RequireDirectory("extraction/zyte-aeb"));

        var quality = ExtractionBenchmark.Score(corpus, corpus.Ids.ToList(), corpus.ReferenceOutput(name));

        Assert.That(Math.Round(quality.F1, 3), Is.EqualTo(published));
    }
}
