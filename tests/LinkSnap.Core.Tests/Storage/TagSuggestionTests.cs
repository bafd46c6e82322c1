using Dapper;
using LinkSnap.Core.Storage;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Storage;

/// <summary>
/// The extension's tag field asks for suggestions on every keystroke (the `tags` message). They used to be
/// all tags loaded and filtered in memory; now one indexed range over the tag key (issue 12 item 1).
/// </summary>
public sealed class TagSuggestionTests
{
    [Test]
    public void Tags_starting_with_the_prefix_come_case_insensitively_most_used_first()
    {
        using var fixture = new StoreFixture();
        fixture.Add("https://a.example/1", "Science", "science-fiction", "reading");
        fixture.Add("https://a.example/2", "science-fiction");
        fixture.Add("https://a.example/3", "Sci");
        fixture.Add("https://a.example/4", "Ocean/Science");

        var suggested = fixture.Store.Tags.SuggestTags("SCI", 10);

        Assert.That(suggested.Select(t => (t.Name, t.Count)), Is.EqualTo(new[] { ("science-fiction", 2), ("Sci", 1), ("Science", 1) }),
            "only names starting with the prefix, any case; the most used first, then by name");
        Assert.That(fixture.Store.Tags.SuggestTags("sci", 1).Select(t => t.Name), Is.EqualTo(new[] { "science-fiction" }), "the limit holds");
        Assert.That(fixture.Store.Tags.SuggestTags("", 10), Has.Count.EqualTo(5), "no prefix: every tag");
    }

    [Test]
    public void Suggestions_seek_the_tag_key_index_and_never_scan_the_tags()
    {
        using var fixture = new StoreFixture();
        using var connection = fixture.Database.Open();
        var plan = connection.Query<(long Id, long Parent, long NotUsed, string Detail)>(
                "EXPLAIN QUERY PLAN " + TagStore.SuggestTagsQuery, TagStore.SuggestTagsRange("sci", 10))
            .Select(r => r.Detail).ToList();
        var text = string.Join("\n", plan);

        Assert.That(plan.Any(d => d.StartsWith("SEARCH t USING INDEX", StringComparison.Ordinal) && d.Contains("(key>? AND key<?)", StringComparison.Ordinal)), Is.True,
            "the prefix is a range seek on the unique key index\n" + text);
        Assert.That(plan, Has.None.StartsWith("SCAN t"), "the tags table is never walked whole\n" + text);
    }
}
