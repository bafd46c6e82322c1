using System.Diagnostics;
using System.Text;
using LinkSnap.Core.Versions;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Versions;

public sealed class TextDiffTests
{
    [Test]
    public void Latin_text_is_compared_word_by_word()
    {
        var diff = TextDiff.Compare("The quick brown fox jumps over the lazy dog.", "The quick red fox jumps over the sleepy dog.");

        Assert.That(Ops(diff, DiffOp.Delete), Is.EqualTo(new[] { "brown", "lazy" }));
        Assert.That(Ops(diff, DiffOp.Insert), Is.EqualTo(new[] { "red", "sleepy" }));
        Assert.That((diff.InsertedWords, diff.DeletedWords, diff.Cjk), Is.EqualTo((2, 2, false)));
        Assert.That(string.Concat(diff.Segments.Where(s => s.Op != DiffOp.Insert).Select(s => s.Text)), Is.EqualTo("The quick brown fox jumps over the lazy dog."));
    }

    [Test]
    public void Chinese_text_is_compared_character_by_character_not_as_one_sentence()
    {
        var diff = TextDiff.Compare("今天天气很好，我们去公园散步。", "今天天气不好，我们在家看书。");

        Assert.That(Ops(diff, DiffOp.Delete), Is.EqualTo(new[] { "很", "去公园散步" }));
        Assert.That(Ops(diff, DiffOp.Insert), Is.EqualTo(new[] { "不", "在家看书" }));
        Assert.That(diff.Cjk, Is.True);
        Assert.That((diff.DeletedWords, diff.InsertedWords), Is.EqualTo((6, 5)), "one per character");
    }

    [Test]
    public void Japanese_mixed_with_latin_keeps_latin_words_whole()
    {
        var diff = TextDiff.Compare("東京でLinkSnapを使う", "大阪でLinkSnapを使った");

        Assert.That(Ops(diff, DiffOp.Delete), Is.EqualTo(new[] { "東京", "う" }));
        Assert.That(Ops(diff, DiffOp.Insert), Is.EqualTo(new[] { "大阪", "った" }));
        Assert.That(diff.Segments.Where(s => s.Op == DiffOp.Equal).Select(s => s.Text), Does.Contain("でLinkSnapを使"));
    }

    [Test]
    public void Long_unchanged_stretches_are_collapsed_around_the_change()
    {
        var words = Enumerable.Range(0, 5000).Select(i => $"word{i}").ToList();
        var before = string.Join(' ', words);
        words[2500] = "CHANGED";
        var diff = TextDiff.Compare(before, string.Join(' ', words));

        Assert.That(Ops(diff, DiffOp.Insert), Is.EqualTo(new[] { "CHANGED" }));
        var skips = diff.Segments.Where(s => s.Op == DiffOp.Skip).ToList();
        Assert.That(skips, Has.Count.EqualTo(2));
        Assert.That(skips.Sum(s => s.Words), Is.GreaterThan(4900));
        Assert.That(diff.Segments.Sum(s => s.Text.Length), Is.LessThan(800), "what is shown is the change and some context");
        Assert.That(diff.Segments.First(s => s.Op == DiffOp.Delete).Text, Is.EqualTo("word2500"));
        Assert.That(diff.UnchangedWords, Is.EqualTo(4999));
    }

    [Test]
    public void Identical_texts_are_identical()
    {
        var diff = TextDiff.Compare("Same text.\nSecond line.", "Same text.\r\nSecond line.");
        Assert.That(diff.Identical, Is.True);
        Assert.That((diff.InsertedWords, diff.DeletedWords), Is.EqualTo((0, 0)));
    }

    [Test]
    public void A_5_MB_article_with_a_few_edits_is_diffed_in_bounded_time()
    {
        var before = Article(paragraphs: 20_000, seed: 1);
        var after = before.Replace("paragraph 777 ", "paragraph 777 inserted words here ", StringComparison.Ordinal).Replace("Lorem 12345", "Ipsum 12345", StringComparison.Ordinal);
        Assert.That(Encoding.UTF8.GetByteCount(before), Is.GreaterThan(5_000_000));

        var clock = Stopwatch.StartNew();
        var diff = TextDiff.Compare(before, after);
        TestContext.Out.WriteLine($"5 MB diff: {clock.ElapsedMilliseconds} ms");

        Assert.That(diff.InsertedWords, Is.EqualTo(4));
        Assert.That(diff.Coarse, Is.False);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public void Texts_too_different_to_compare_in_bounded_time_are_shown_replaced_whole()
    {
        var diff = TextDiff.Compare(Article(30_000, seed: 1), Article(30_000, seed: 2));
        Assert.That(diff.Coarse, Is.True);
        Assert.That(diff.Segments.Select(s => s.Op), Is.EqualTo(new[] { DiffOp.Delete, DiffOp.Insert }));
    }

    private static string Article(int paragraphs, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var p = 0; p < paragraphs; p++)
        {
            text.Append("This is paragraph ").Append(p).Append(' ');
            for (var w = 0; w < 40; w++)
            {
                text.Append(seed == 1 && p == 100 && w == 0 ? "Lorem 12345" : "w" + random.Next(100_000)).Append(' ');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static IEnumerable<string> Ops(TextDiffResult diff, DiffOp op) => diff.Segments.Where(s => s.Op == op).Select(s => s.Text.Trim());
}
