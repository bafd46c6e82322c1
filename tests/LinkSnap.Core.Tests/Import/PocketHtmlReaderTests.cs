using System.Text;
using LinkSnap.Core.Import;
using LinkSnap.Core.Import.Formats;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Import;

/// <summary>
/// The forward-only Pocket ril_export.html reader (decision 090) reads every file as the HTML5 tree would: the
/// corpus file and the shapes below give the same entries, field for field, as the old document reader.
/// </summary>
public sealed class PocketHtmlReaderTests
{
    // Pocket's own shape with both lists filled; entities, CJK, markup inside a title, an unclosed LI, a link
    // outside any LI, a list not after a heading, a nested list, headings in another case, a script and a comment.
    private static readonly string[] Fixtures =
    [
        """
        <!DOCTYPE html><html><head><title>Pocket Export</title></head><body>
        <h1>Unread</h1>
        <ul>
          <li><a href="https://a.example/1?x=1&amp;y=2" time_added="1688628695" tags="ifttt,new_entry_simple">One &amp; &#x4E2D;文</a></li>
          <li><a href="https://a.example/2" time_added="1688627412" tags="">Two <b>bold</b></a></li>
        </ul>
        <h1>Read Archive</h1>
        <ul>
          <li><a href="https://a.example/3" time_added="1600000000" tags="x">Three</a></li>
          <li><a href="https://a.example/4" time_added="not a date">Four</a>
          <li><a href="https://a.example/5">Five</a></li>
        </ul>
        </body></html>
        """,
        """
        <h1>read archive</h1><p>between</p><ul><li><a href="https://b.example/1">not right after the heading</a></li></ul>
        <h1>Archive</h1><ul><li><span><a href="https://b.example/2">not a child of the LI</a></span></li>
        <li><a href="https://b.example/3" time_added="1700000000" time_added="1">first attribute</a><ul><li><a href="https://b.example/4">nested</a></li></ul></li></ul>
        <a href="https://b.example/5">outside a list</a>
        <script>document.write('<li><a href="https://no.example/script">s</a></li>')</script>
        <!-- <li><a href="https://no.example/comment">c</a></li> -->
        <h2>Unread</h2><ul><li><a href="https://b.example/6" tags="a b">h2 is not the archive</a></li></ul>
        """,
    ];

    private static IEnumerable<TestCaseData> Files()
    {
        foreach (var i in Enumerable.Range(0, Fixtures.Length))
        {
            yield return new TestCaseData($"fixture {i + 1}").SetArgDisplayNames($"fixture {i + 1}");
        }

        // Without the corpus, one case that is skipped with the reason (CI has it).
        var folder = Corpus.Root is null ? null : Path.Combine(Corpus.Root, "imports", "pocket-html");
        foreach (var name in folder is not null && Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray() : ["(corpus)"])
        {
            yield return new TestCaseData(name).SetArgDisplayNames(name);
        }
    }

    [TestCaseSource(nameof(Files))]
    public void Every_entry_is_the_one_the_html5_tree_gives(string name)
    {
        var text = name.StartsWith("fixture ", StringComparison.Ordinal)
            ? Fixtures[int.Parse(name["fixture ".Length..]) - 1]
            : Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(Corpus.RequireDirectory("imports/pocket-html"), name)));
        var expected = PocketHtmlTreeReference.Read(text).Select(Show).ToList();
        var actual = new PocketHtmlFormat().Parse(new ImportText(name, text), new ImportOptions()).Entries.Select(Show).ToList();

        Assert.That(actual, Is.EqualTo(expected), name);
    }

    [Test]
    public void The_archive_list_is_read_and_archived()
    {
        var entries = new PocketHtmlFormat().Parse(new ImportText("ril_export.html", Fixtures[0]), new ImportOptions()).Entries;

        Assert.That(entries.Select(e => (e.Url, e.Read, e.Archived)), Is.EqualTo(new[]
        {
            ("https://a.example/1?x=1&y=2", false, false), ("https://a.example/2", false, false),
            ("https://a.example/3", true, true), ("https://a.example/4", true, true), ("https://a.example/5", true, true),
        }));
        Assert.That(entries[0].Title, Is.EqualTo("One & 中文"));
        Assert.That(entries[0].Tags, Is.EqualTo(new[] { "ifttt", "new_entry_simple" }));
    }

    private static string Show(ImportEntry e) =>
        $"{e.Position} | {e.Url} | {e.Title} | {e.Note} | {string.Join(",", e.Tags)} | {e.SavedAt:O} | read {e.Read} | archived {e.Archived} | favorite {e.Favorite} | private {e.Private}";
}
