using LinkSnap.Core.Import;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Import;

/// <summary>Every export file of ../shared/corpus/imports: its format is recognised from the content and its entries counted as the corpus README lists them.</summary>
public sealed class CorpusImportTests
{
    private static ParsedImport Read(string relative, ImportOptions? options = null)
    {
        var path = Path.Combine(Corpus.RequireDirectory("imports"), relative);
        return ImportReader.Read(File.ReadAllBytes(path), Path.GetFileName(path), options ?? new ImportOptions());
    }

    [TestCase("netscape/wallabag__shaarli-bookmarks.html", "Netscape bookmarks HTML", 2)]
    [TestCase("netscape/Shaarli__netscape_nested.htm", "Netscape bookmarks HTML", 8)]
    [TestCase("netscape/Shaarli__netscape_basic.htm", "Netscape bookmarks HTML", 2)]
    [TestCase("netscape/Shaarli__lowercase_doctype.htm", "Netscape bookmarks HTML", 2)]
    [TestCase("netscape/Shaarli__no_doctype.htm", "Netscape bookmarks HTML", 2)]
    [TestCase("netscape/Shaarli__internet_explorer_encoding.htm", "Netscape bookmarks HTML", 1)]
    [TestCase("netscape/Shaarli__netscape_nodate.htm", "Netscape bookmarks HTML", 1)]
    [TestCase("netscape/Shaarli__same_date.htm", "Netscape bookmarks HTML", 3)]
    [TestCase("netscape/netscape-go__safari_folded.htm", "Netscape bookmarks HTML", 3)]
    [TestCase("netscape/netscape-go__netscape_multiline.htm", "Netscape bookmarks HTML", 3)]
    [TestCase("netscape/netscape-go__netscape_extended.htm", "Netscape bookmarks HTML", 1)]
    [TestCase("netscape/netscape-go__flat10000.htm", "Netscape bookmarks HTML", 10000)]
    [TestCase("netscape/bookmarks-converter__bookmarks_chrome.html", "Netscape bookmarks HTML", 27)]
    [TestCase("netscape/bookmarks-converter__bookmarks_firefox.html", "Netscape bookmarks HTML", 27)]
    [TestCase("netscape/linkding__simple_valid_import_file.html", "Netscape bookmarks HTML", 3)]
    [TestCase("netscape/linkding__simple_valid_import_file_with_one_invalid_bookmark.html", "Netscape bookmarks HTML", 3)]
    [TestCase("pocket-csv/wallabag__pocket.csv", "Pocket CSV", 7)]
    [TestCase("pocket-html/wallabag__ril_export.html", "Pocket HTML (ril_export.html)", 2)]
    [TestCase("omnivore/wallabag__omnivore.json", "Omnivore export", 20)]
    [TestCase("wallabag/wallabag__wallabag-v1.json", "wallabag JSON", 2)]
    [TestCase("wallabag/wallabag__wallabag-v1-read.json", "wallabag JSON", 3)]
    [TestCase("wallabag/wallabag__wallabag-v2.json", "wallabag JSON", 6)]
    [TestCase("wallabag/wallabag__wallabag-v2-read.json", "wallabag JSON", 2)]
    [TestCase("instapaper-csv/wallabag__instapaper-export.csv", "Instapaper CSV", 4)]
    [TestCase("pinboard-json/wallabag__pinboard_export", "Pinboard JSON", 3)]
    [TestCase("delicious-json/wallabag__delicious_export.2021.02.06_21.10.json", "JSON list of links", 3)]
    [TestCase("readability-json/wallabag__readability.json", "JSON list of links", 3)]
    [TestCase("elcurator-json/wallabag__elcurator.json", "JSON list of links", 1)]
    [TestCase("firefox-json/wallabag__firefox-bookmarks.json", "Firefox bookmarks backup JSON", 2)]
    [TestCase("firefox-json/bookmarks-converter__bookmarks_firefox.json", "Firefox bookmarks backup JSON", 32)]
    [TestCase("firefox-json/bookmarks-converter__bookmarks_firefox_with_separator.json", "Firefox bookmarks backup JSON", 32)]
    [TestCase("chrome-json/wallabag__chrome-bookmarks", "Chrome bookmarks JSON", 1)]
    [TestCase("chrome-json/bookmarks-converter__bookmarks_chrome.json", "Chrome bookmarks JSON", 27)]
    public void Each_corpus_file_is_recognised_and_every_entry_read(string file, string format, int entries)
    {
        var parsed = Read(file);

        Assert.That((parsed.Format, parsed.Entries.Count), Is.EqualTo((format, entries)));
        Assert.That(parsed.Entries.All(e => !string.IsNullOrWhiteSpace(e.Url)), Is.True, "every entry has its URL");
    }

    [Test]
    public void The_empty_file_says_there_are_no_bookmarks()
    {
        var error = Assert.Throws<ImportException>(() => Read("netscape/Shaarli__empty.htm"));
        Assert.That(error!.Message, Is.EqualTo("Shaarli__empty.htm is empty (0 bytes): there are no bookmarks in it."));
    }

    [Test]
    public void Nested_folders_become_hierarchical_tags_or_the_last_folder_or_nothing()
    {
        var byPath = Read("netscape/Shaarli__netscape_nested.htm").Entries;
        var byLast = Read("netscape/Shaarli__netscape_nested.htm", new ImportOptions { FolderTags = FolderTags.Last }).Entries;
        var none = Read("netscape/Shaarli__netscape_nested.htm", new ImportOptions { FolderTags = FolderTags.None }).Entries;

        Assert.That(byPath.SelectMany(e => e.Tags), Does.Contain("Folder3/Folder3-1"));
        Assert.That(byLast.SelectMany(e => e.Tags), Does.Contain("Folder3-1").And.Not.Contain("Folder3/Folder3-1"));
        Assert.That(none.SelectMany(e => e.Tags).Where(t => t.StartsWith("Folder", StringComparison.Ordinal)), Is.Empty);
        Assert.That(byPath.Count(e => e.Private), Is.EqualTo(2), "PRIVATE=1 is kept");
        Assert.That(byPath.Single(e => e.Url == "http://nest.ed/2-1").Tags, Is.EqualTo(new[] { "Folder2" }), "a folder with a description keeps its links");
        Assert.That(byPath.Single(e => e.Url == "http://nest.ed/2-1").Note, Is.EqualTo("First link of the second section"));
    }

    [Test]
    public void Dates_in_seconds_milliseconds_microseconds_and_apache_log_form_all_read_and_a_bad_one_keeps_its_entry()
    {
        var linkding = Read("netscape/linkding__simple_valid_import_file.html").Entries;
        var invalid = Read("netscape/linkding__simple_valid_import_file_with_one_invalid_bookmark.html").Entries;
        var apache = Read("netscape/Shaarli__netscape_basic.htm").Entries;

        Assert.That(linkding.Select(e => e.SavedAt), Is.All.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1616337559)));
        Assert.That(invalid.Count(e => e.SavedAt is null), Is.EqualTo(1));
        Assert.That(apache.Select(e => e.SavedAt), Does.Contain(new DateTimeOffset(2000, 10, 10, 10, 55, 36, TimeSpan.Zero)));
    }

    [Test]
    public void A_thumbnail_link_in_a_description_is_not_a_bookmark_and_the_description_is_the_note()
    {
        var entry = Read("netscape/netscape-go__netscape_extended.htm").Entries.Single();
        Assert.That(entry.Note, Is.Not.Empty);
    }

    [Test]
    public void Duplicate_urls_of_the_big_file_merge_into_one_link_each()
    {
        var plan = ImportPlanner.Plan(Read("netscape/netscape-go__flat10000.htm"), new ImportOptions());
        Assert.That((plan.Links.Count + plan.Rejected.Count, plan.DuplicatesInFile), Is.EqualTo((10000 - 232, 232)));
    }

    [Test]
    public void Pocket_keeps_titles_with_newlines_and_archive_status()
    {
        var entries = Read("pocket-csv/wallabag__pocket.csv").Entries;
        Assert.That(entries.Count(e => e.Archived && e.Read), Is.EqualTo(2));
        Assert.That(entries.Count(e => e.Title!.Contains('\n')), Is.EqualTo(1), "a quoted title spanning two lines");
        Assert.That(entries[0].SavedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1600322788)));
    }

    [Test]
    public void Browser_roots_give_no_tag_and_folders_below_them_do()
    {
        var chrome = Read("chrome-json/wallabag__chrome-bookmarks").Entries.Single();
        var firefox = Read("firefox-json/wallabag__firefox-bookmarks.json").Entries;

        Assert.That(chrome.Tags, Is.Empty, "'Barre de favoris' is the browser's bar, not a folder of the user's");
        Assert.That(chrome.SavedAt!.Value.Year, Is.EqualTo(2016), "WebKit microseconds since 1601");
        Assert.That(firefox.SelectMany(e => e.Tags), Does.Contain("test").And.Contain("tag"));
    }

    [Test]
    public void Wallabag_keeps_the_article_content_and_states()
    {
        var entries = Read("wallabag/wallabag__wallabag-v2.json").Entries;
        Assert.That(entries.Count(e => e.Content is not null), Is.GreaterThan(0));
        Assert.That(entries.Any(e => e.Favorite), Is.True);
        Assert.That(Read("wallabag/wallabag__wallabag-v2-read.json").Entries.Select(e => e.Archived), Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public void Entities_are_decoded_exactly_once()
    {
        var titles = Read("netscape/bookmarks-converter__bookmarks_firefox.html").Entries.Select(e => e.Title).ToList();
        Assert.That(titles.Any(t => t!.Contains('&') && !t.Contains("&amp;", StringComparison.Ordinal)), Is.True);
    }
}
