using System.Text;
using LinkSnap.Core.Import;
using LinkSnap.Core.Import.Formats;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Import;

/// <summary>
/// The forward-only Netscape reader (decision 082) reads every file as the HTML5 tree would: each corpus
/// bookmark file and the awkward shapes below give the same entries, field for field, as the tree reference.
/// </summary>
public sealed class NetscapeReaderTests
{
    // Folder descriptions, a second list in the same item, a list after a bookmark (no folder), unclosed A and DT, a thumbnail in a note, two links
    // sharing one note, browser roots, entities, bold inside a title and a script whose text looks like bookmarks.
    private static readonly string[] AwkwardFiles =
    [
        """
        <!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p>
        <DT><H3>F &amp; G</H3><DD>folder note<DL><p>
          <DT><A HREF="https://a.example/1?x=1&amp;y=2">one &lt;1&gt;</A><DD>n1 <A HREF="https://thumb.example/">t</A> more
          <DT><A HREF="https://a.example/2" TAGS="x y">two
          <DT><A HREF="https://a.example/3">three</A>
        </DL><DL><DT><A HREF="https://a.example/4">four</A></DL>
        <DT><A HREF="https://a.example/5">five</A>
        <DT><A HREF="https://a.example/6">six</A><DL><DT><A HREF="https://a.example/7">seven, in a list without a heading</A></DL></DL>
        """,
        """
        <DL><DT><H3 PERSONAL_TOOLBAR_FOLDER="true">Bar</H3><DL><DT><H3>Sub <b>bold</b></H3><DL>
        <DT><A HREF="https://b.example/1" ADD_DATE="1700000000" TOREAD="0" PRIVATE="1">b <b>bold</b></A><A HREF="https://b.example/2">b2</A><DD>shared
        </DL></DL><DT><H3 UNFILED_BOOKMARKS_FOLDER="true">Other</H3><DL><DT><A HREF="https://b.example/3">b3</A></DL></DL></DL>
        """,
        """
        <TITLE>x <A HREF="https://no.example/title">t</A></TITLE>
        <SCRIPT>document.write('<DT><A HREF="https://no.example/script">s</A>')</SCRIPT>
        <DL><DT><A HREF="https://c.example/1" ADD_DATE="1700000000" ADD_DATE="1">c1</A>
        <!-- <DT><A HREF="https://no.example/comment">c</A> -->
        <DT><A HREF="https://c.example/2">c2</A></DL>
        """,
    ];

    private static IEnumerable<TestCaseData> Files()
    {
        foreach (var i in Enumerable.Range(0, AwkwardFiles.Length))
        {
            yield return new TestCaseData($"awkward {i + 1}").SetArgDisplayNames($"awkward {i + 1}");
        }

        // Without the corpus, one case that is skipped with the reason (CI has it).
        var folder = Corpus.Root is null ? null : Path.Combine(Corpus.Root, "imports", "netscape");
        foreach (var name in folder is not null && Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray() : ["(corpus)"])
        {
            yield return new TestCaseData(name).SetArgDisplayNames(name);
        }
    }

    [TestCaseSource(nameof(Files))]
    public void Every_entry_is_the_one_the_html5_tree_gives(string name)
    {
        var text = name.StartsWith("awkward ", StringComparison.Ordinal)
            ? AwkwardFiles[int.Parse(name["awkward ".Length..]) - 1]
            : Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(Corpus.RequireDirectory("imports/netscape"), name)));
        foreach (var options in new[] { new ImportOptions(), new ImportOptions { FolderTags = FolderTags.Last } })
        {
            var expected = NetscapeTreeReference.Read(text, options).Select(Show).ToList();
            var actual = new NetscapeFormat().Parse(new ImportText(name, text), options).Entries.Select(Show).ToList();

            Assert.That(actual, Is.EqualTo(expected), $"{name}, folders as {options.FolderTags}");
        }
    }

    [Test]
    public void Script_title_and_comment_text_are_not_bookmarks()
    {
        var entries = new NetscapeFormat().Parse(new ImportText("x.html", AwkwardFiles[2]), new ImportOptions()).Entries;

        Assert.That(entries.Select(e => e.Url), Is.EqualTo(new[] { "https://c.example/1", "https://c.example/2" }));
        Assert.That(entries[0].SavedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)), "the first of a repeated attribute counts");
    }

    private static string Show(ImportEntry e) =>
        $"{e.Position} | {e.Url} | {e.Title} | {e.Note} | {string.Join(",", e.Tags)} | {e.SavedAt:O} | read {e.Read} | private {e.Private}";
}
