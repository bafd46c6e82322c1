using System.IO.Compression;
using System.Text;
using LinkSnap.Core.Import;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Import;

/// <summary>The import rules on LinkSnap's own small fixtures (Chinese titles and tags included): folders, dates, states, refusals, merging, bad files.</summary>
public sealed class ImportRulesTests
{
    private const string Netscape = """
        <!DOCTYPE NETSCAPE-Bookmark-file-1>
        <META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
        <TITLE>Bookmarks</TITLE>
        <H1>Bookmarks</H1>
        <DL><p>
            <DT><H3 ADD_DATE="1600000000" PERSONAL_TOOLBAR_FOLDER="true">书签栏</H3>
            <DL><p>
                <DT><H3>技术</H3>
                <DL><p>
                    <DT><H3>数据库</H3>
                    <DL><p>
                        <DT><A HREF="https://example.cn/sqlite" ADD_DATE="1700000000" TAGS="阅读,笔记" TOREAD="1">SQLite 入门</A>
                        <DD>第一篇笔记
                        <DT><A HREF="javascript:alert(1)">bookmarklet</A>
                    </DL><p>
                </DL><p>
                <DT><A HREF="place:sort=8&amp;maxResults=10">Recent</A>
                <DT><A HREF="file:///etc/passwd">local</A>
                <DT><A HREF="chrome://settings">settings</A>
                <DT><A HREF="data:text/html,hi">data</A>
                <DT><A HREF="https://">broken</A>
                <DT><A HREF="https://example.cn/sqlite?utm_source=feed" ADD_DATE="1650000000" TAGS="数据库">SQLite again</A>
                <DD>第二篇笔记
            </DL><p>
            <DT><A HREF="https://example.org/top" ADD_DATE="1650000000" PRIVATE="1">Top &amp; level</A>
        </DL><p>
        """;

    private static ParsedImport Read(string text, ImportOptions? options = null, string name = "fixture.html") =>
        ImportReader.Read(Encoding.UTF8.GetBytes(text), name, options ?? new ImportOptions());

    [Test]
    public void Netscape_folders_tags_dates_notes_and_states_become_one_link_per_url()
    {
        var plan = ImportPlanner.Plan(Read(Netscape), new ImportOptions { ExtraTags = ["导入"] });

        Assert.That(plan.Format, Is.EqualTo("Netscape bookmarks HTML"));
        Assert.That((plan.EntryCount, plan.Links.Count, plan.DuplicatesInFile, plan.Rejected.Count), Is.EqualTo((9, 2, 1, 6)));
        var sqlite = plan.Links[0];
        Assert.That(sqlite.Title, Is.EqualTo("SQLite 入门"), "the first title wins");
        Assert.That(sqlite.Tags, Is.EqualTo(new[] { "技术/数据库", "阅读", "笔记", "导入", "数据库" }), "tags united; the toolbar root gives none");
        Assert.That(sqlite.SavedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1650000000)), "the earliest saved date");
        Assert.That(sqlite.Note, Is.EqualTo("第一篇笔记\n\n第二篇笔记"), "notes joined");
        Assert.That(sqlite.Read, Is.False, "TOREAD=1");
        var top = plan.Links[1];
        Assert.That((top.Title, top.Private, top.Tags), Is.EqualTo(("Top & level", true, (IReadOnlyList<string>)["导入"])));
    }

    [Test]
    public void A_tag_the_library_refuses_is_left_out_and_listed_and_the_others_are_kept_once()
    {
        var longTag = new string('长', 101);
        var file = $"""
            <!DOCTYPE NETSCAPE-Bookmark-file-1>
            <DL><p>
                <DT><H3>Reading / Later</H3>
                <DL><p>
                    <DT><A HREF="https://example.org/a" TAGS="News,news,a / b,a//b,{longTag},Ｎews">A</A>
                </DL><p>
            </DL><p>
            """;

        var plan = ImportPlanner.Plan(Read(file), new ImportOptions { ExtraTags = ["NEWS"] });

        Assert.That(plan.Links.Single().Tags, Is.EqualTo(new[] { "Reading - Later", "News", "a/b", "Ｎews" }), "levels trimmed; duplicates in another case dropped, the first spelling kept");
        Assert.That(plan.Rejected.Select(r => r.Reason), Is.EqualTo(new[]
        {
            "tag 'a//b' left out: Tag 'a//b' has an empty level: write levels as 'parent/child'.",
            $"tag '{longTag}' left out: Tag '{longTag[..20]}…' is 101 characters long; the limit is 100.",
        }));
        Assert.That(plan.Rejected.Select(r => r.Position).Distinct(), Is.EqualTo(new[] { "bookmark 1" }));
    }

    [Test]
    public void Entries_that_cannot_be_captured_are_listed_with_their_reason()
    {
        var rejected = ImportPlanner.Plan(Read(Netscape), new ImportOptions()).Rejected;

        Assert.That(rejected.Select(r => r.Url), Is.EqualTo(new[]
        {
            "javascript:alert(1)", "place:sort=8&maxResults=10", "file:///etc/passwd", "chrome://settings", "data:text/html,hi", "https://",
        }));
        Assert.That(rejected[0].Reason, Does.StartWith("javascript: URLs are scripts"));
        Assert.That(rejected[0].Position, Is.EqualTo("bookmark 2"));
        Assert.That(rejected[1].Reason, Does.StartWith("place: URLs cannot be captured"));
        Assert.That(rejected.All(r => r.Reason.Length > 10), Is.True);
    }

    [Test]
    public void Folder_options_use_the_last_folder_or_none()
    {
        var last = ImportPlanner.Plan(Read(Netscape, new ImportOptions { FolderTags = FolderTags.Last }), new ImportOptions()).Links[0];
        var none = ImportPlanner.Plan(Read(Netscape, new ImportOptions { FolderTags = FolderTags.None }), new ImportOptions()).Links[0];

        Assert.That(last.Tags, Is.EqualTo(new[] { "数据库", "阅读", "笔记" }));
        Assert.That(none.Tags, Is.EqualTo(new[] { "阅读", "笔记", "数据库" }));
    }

    [Test]
    public void A_gbk_netscape_file_is_decoded_from_its_meta_charset()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GBK").GetBytes(Netscape.Replace("charset=UTF-8", "charset=GBK", StringComparison.Ordinal));

        var entries = ImportReader.Read(bytes, "gbk.html", new ImportOptions()).Entries;

        Assert.That(entries[0].Title, Is.EqualTo("SQLite 入门"));
        Assert.That(entries[0].Tags, Does.Contain("技术/数据库"));
    }

    [Test]
    public void Url_lists_take_plain_urls_markdown_links_and_onetab_lines()
    {
        var plan = ImportPlanner.Plan(
            Read("https://a.example/1\n\n# heading\n- [标题 二](https://b.example/2)\nhttps://c.example/3 | OneTab 标题\nnot a url\n", name: "list.txt"),
            new ImportOptions());

        Assert.That(plan.Format, Is.EqualTo("List of URLs"));
        Assert.That(plan.Links.Select(l => (l.Url.AbsoluteUri, l.Title)), Is.EqualTo(new[]
        {
            ("https://a.example/1", ""), ("https://b.example/2", "标题 二"), ("https://c.example/3", "OneTab 标题"),
        }));
        Assert.That(plan.Rejected.Single().Position, Is.EqualTo("line 6"));
    }

    [Test]
    public void A_line_of_bare_hosts_gives_one_entry_per_host_and_a_line_of_words_stays_one_entry()
    {
        var entries = Read("a.example/4 b.example/5\nsome words here\n", name: "list.txt").Entries;

        Assert.That(entries.Select(e => e.Url), Is.EqualTo(new[] { "a.example/4", "b.example/5", "some words here" }));
    }

    [Test]
    public void A_pocket_zip_is_read_like_its_csv()
    {
        var zip = Zip(("part_000000.csv", "title,url,time_added,tags,status\n中文标题,https://example.cn/p,1600000000,a|b,archive\n"));

        var entry = ImportReader.Read(zip, "pocket.zip", new ImportOptions()).Entries.Single();

        Assert.That((entry.Title, entry.Archived, entry.Read), Is.EqualTo(("中文标题", true, true)));
        Assert.That(entry.Tags, Is.EqualTo(new[] { "a", "b" }));
    }

    [TestCase(new byte[0], "bad.html is empty (0 bytes): there are no bookmarks in it.")]
    [TestCase(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1 }, "bad.html is not a text export (it holds binary data); export your bookmarks as HTML, JSON, CSV or a list of URLs.")]
    public void Empty_and_binary_files_are_refused_with_the_file_name(byte[] bytes, string message)
    {
        var error = Assert.Throws<ImportException>(() => ImportReader.Read(bytes, "bad.html", new ImportOptions()));
        Assert.That(error!.Message, Is.EqualTo(message));
    }

    [Test]
    public void Wrong_csv_columns_and_wrong_json_shapes_say_what_was_expected()
    {
        var csv = Assert.Throws<ImportException>(() => Read("name,address\nx,y\n", name: "people.csv"));
        var json = Assert.Throws<ImportException>(() => Read("{\"people\": [{\"name\": \"x\"}]}", name: "people.json"));
        var truncated = Assert.Throws<ImportException>(() => Read("[{\"url\": \"https://a.example\"", name: "cut.json"));

        Assert.That(csv!.Message, Is.EqualTo("people.csv is CSV with the columns name,address; expected Pocket (title,url,time_added,tags,status) or Instapaper (URL,Title,Selection,Folder)."));
        Assert.That(json!.Message, Does.StartWith("people.json is JSON, but not in a shape LinkSnap knows"));
        Assert.That(truncated!.Message, Is.EqualTo("cut.json starts like JSON but is not valid JSON (truncated or damaged)."));
    }

    [Test]
    public void Truncated_password_protected_and_bomb_zips_are_refused()
    {
        var good = Zip(("part_000000.csv", "title,url,time_added,tags,status\n" + string.Concat(Enumerable.Repeat("t,https://example.org/a,1600000000,,unread\n", 2000))));
        var truncated = good[..(good.Length / 2)];
        var encrypted = (byte[])good.Clone();
        SetEncryptedFlag(encrypted);

        var cut = Assert.Throws<ImportException>(() => ImportReader.Read(truncated, "cut.zip", new ImportOptions()));
        var locked = Assert.Throws<ImportException>(() => ImportReader.Read(encrypted, "locked.zip", new ImportOptions()));
        var bomb = Assert.Throws<ImportException>(() => ImportReader.Read(good, "bomb.zip", new ImportOptions { MaxBytes = 10_000 }));

        Assert.That(cut!.Message, Does.StartWith("cut.zip is not a readable zip (truncated or damaged"));
        Assert.That(locked!.Message, Is.EqualTo("locked.zip: part_000000.csv is password-protected; unzip it yourself and import the files inside."));
        Assert.That(bomb!.Message, Does.StartWith("bomb.zip unpacks to more than").And.EndWith("that is the limit (a zip bomb stops here)."));
    }

    [Test]
    public void A_file_with_more_entries_than_the_limit_is_refused()
    {
        var text = string.Concat(Enumerable.Range(0, 30).Select(i => $"https://example.org/{i}\n"));
        var error = Assert.Throws<ImportException>(() => Read(text, new ImportOptions { MaxEntries = 20 }, "many.txt"));
        Assert.That(error!.Message, Is.EqualTo("many.txt has 30 entries; one import takes at most 20. Split the file."));
    }

    private static byte[] Zip(params (string Name, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    // Bit 0 of the general-purpose flags marks an entry encrypted, in its local and its central header.
    private static void SetEncryptedFlag(byte[] zip)
    {
        for (var i = 0; i + 4 < zip.Length; i++)
        {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4)
            {
                zip[i + 6] |= 1;
            }
            else if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2)
            {
                zip[i + 8] |= 1;
            }
        }
    }
}
