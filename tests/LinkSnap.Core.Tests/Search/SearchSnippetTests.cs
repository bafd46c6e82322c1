using System.Net;
using LinkSnap.Core.Search;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Search;

/// <summary>Snippets built from a row's stored text: which fragment, which column, what is marked.</summary>
public sealed class SearchSnippetTests
{
    private static string? Snippet(string query, params string?[] columns) =>
        SearchSnippet.Build(columns.Select(c => c is null ? null : SearchText.Segment(c)).ToList(), SearchQuery.Phrases(query));

    private static string Words(int n, string word = "filler") => string.Join(' ', Enumerable.Repeat(word, n));

    [Test]
    public void The_fragment_holding_every_term_beats_one_with_more_hits_of_a_single_term()
    {
        var body = $"rust rust rust rust {Words(40)} a rust compiler written in ocaml {Words(40)}";
        var snippet = Snippet("rust ocaml", body)!;
        Assert.That(snippet, Does.Contain("<mark>rust</mark> compiler written in <mark>ocaml</mark>"));
        Assert.That(snippet, Does.StartWith("…").And.EndWith("…"), "cut on both sides");
        Assert.That(snippet.Split(' '), Has.Length.EqualTo(SearchSnippet.Length), "24 tokens");
    }

    [Test]
    public void The_article_text_is_preferred_to_the_title_and_the_title_serves_when_only_it_matches()
    {
        Assert.That(Snippet("quantum", "all about quantum optics", null, "Quantum notes"), Is.EqualTo("all about <mark>quantum</mark> optics"));
        Assert.That(Snippet("notes", "all about quantum optics", null, "Quantum notes"), Is.EqualTo("Quantum <mark>notes</mark>"));
        Assert.That(Snippet("absent", "all about quantum optics", null, "Quantum notes"), Is.Null);
    }

    [Test]
    public void Case_and_diacritics_fold_like_the_index_and_the_original_text_is_shown()
    {
        // HtmlEncode writes É as &#201;: decoded here to compare the text a reader sees.
        Assert.That(WebUtility.HtmlDecode(Snippet("cafe", "Le CAFÉ du coin")), Is.EqualTo("Le <mark>CAFÉ</mark> du coin"));
        Assert.That(WebUtility.HtmlDecode(Snippet("naï", "a naïve approach")), Is.EqualTo("a <mark>naïve</mark> approach"), "a prefix, as typed");
    }

    [Test]
    public void A_phrase_is_marked_as_one_span_and_CJK_words_without_separators()
    {
        Assert.That(Snippet("state-of-the-art", "a state of the art result"), Is.EqualTo("a <mark>state of the art</mark> result"));
        Assert.That(Snippet("模型", "大语言模型的研究"), Is.EqualTo("大语言<mark>模型</mark>的研究"));
    }

    [Test]
    public void Hits_are_centred_in_the_fragment_and_text_is_html_escaped()
    {
        var snippet = Snippet("needle", $"{Words(30)} <b>needle</b> & {Words(30)}")!;
        var before = snippet[..snippet.IndexOf("<mark>", StringComparison.Ordinal)].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.That(before, Is.InRange(10, 13), snippet);
        Assert.That(snippet, Does.Contain("&lt;b&gt;<mark>needle</mark>&lt;/b&gt; &amp;"));
    }
}
