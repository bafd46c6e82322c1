using System.IO.Compression;
using System.Text;
using LinkSnap.Core.Export;
using LinkSnap.Shared;
using LinkSnap.Testing;
using NUnit.Framework;

namespace LinkSnap.Core.Tests.Export;

/// <summary>The full archive restores a library losslessly into an empty data directory, and refuses bad input without changing anything.</summary>
public sealed class ArchiveRoundTripTests
{
    private SampleLibrary _library = null!;
    private TempDirectory _temp = null!;
    private LinkSnapPaths _target = null!;
    private string _archive = null!;

    [OneTimeSetUp]
    public async Task OneTimeSetUp()
    {
        _library = new SampleLibrary().Fill();
        var links = _library.Store.Listing.ListLinks(new Core.Storage.LinkListQuery { Limit = 100 }).Items;
        _library.Store.SetStates([links.Single(l => l.Url.StartsWith("https://example.cn/", StringComparison.Ordinal)).Id], new Core.Storage.LinkStatesEdit(Favorite: true));
        var b = links.Single(l => l.Url == "https://example.org/b").Id;
        _library.Store.SetStates([b], new Core.Storage.LinkStatesEdit(Archived: true));
        var watches = new Core.Watching.WatchStore(_library.Database, _library.Clock);
        watches.SetTagWatch("nlp", Core.Scheduling.SchedulePeriod.Weekly); // the two links under nlp follow it
        watches.SetLinkWatch(b, Core.Scheduling.SchedulePeriod.Daily);
        _library.Store.DefaultTags.Set(["阅读", "nlp/模型"]);
        _temp = new TempDirectory();
        _archive = Path.Combine(_temp.Path, "library.zip");
        await File.WriteAllBytesAsync(_archive, await _library.ExportAsync(ExportFormat.Zip));
    }

    [OneTimeTearDown]
    public void OneTimeTearDown()
    {
        _library.Dispose();
        _temp.Dispose();
    }

    [SetUp]
    public void SetUp()
    {
        _target = new LinkSnapPaths(Path.Combine(_temp.Path, "restore-" + Guid.NewGuid().ToString("N")[..8]));
    }

    [TearDown]
    public void TearDown() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    [Test]
    public void Restores_every_row_and_every_file_byte_identical()
    {
        var result = new ArchiveRestorer(_target).Restore(_archive);

        var sourceRows = SampleLibrary.Rows(_library.Paths);
        Assert.That(SampleLibrary.Rows(_target), Is.EqualTo(sourceRows));
        Assert.That(sourceRows.Count(r => r.StartsWith("SELECT * FROM links", StringComparison.Ordinal)), Is.EqualTo(5));
        Assert.That(sourceRows.Any(r => r.Contains("中文笔记", StringComparison.Ordinal)), Is.True);
        var sourceFiles = SampleLibrary.FileHashes(_library.Paths);
        Assert.That(SampleLibrary.FileHashes(_target), Is.EqualTo(sourceFiles));
        Assert.That(sourceFiles.Keys.Count(k => k.EndsWith("screenshot.png", StringComparison.Ordinal)), Is.EqualTo(3));
        Assert.That(sourceFiles.Keys.Count(k => k.StartsWith("queue", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(result, Is.EqualTo(new ArchiveRestoreResult(Links: 5, Snapshots: 7, Files: sourceFiles.Count)));
        Assert.That(sourceRows.Count(r => r.Contains("is_read=1 | is_favorite=1", StringComparison.Ordinal) && r.Contains("reading_progress=0.42", StringComparison.Ordinal)), Is.EqualTo(1), "reading progress and states are among the rows compared");
        Assert.That(sourceRows.Count(r => r.Contains("is_archived=1", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(sourceRows.Count(r => r.StartsWith("SELECT * FROM watche:", StringComparison.Ordinal)), Is.EqualTo(3), "watches are compared: one of the link, two following the tag");
        Assert.That(sourceRows.Count(r => r.StartsWith("SELECT * FROM tag_wa:", StringComparison.Ordinal) && r.Contains("period=weekly", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(sourceRows.Count(r => r.StartsWith("SELECT * FROM defaul:", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(sourceRows.Count(r => r.Contains("imported_hash=5e1f0c7d", StringComparison.Ordinal)), Is.EqualTo(1), "so is an imported version's content hash");
    }

    [Test]
    public async Task Restores_captures_queued_by_an_import_without_the_import_itself()
    {
        using var library = new SampleLibrary().Fill();
        using (var connection = library.Database.Open())
        {
            Dapper.SqlMapper.Execute(connection,
                "INSERT INTO imports (id, file_name, format, status, plan_path, entry_count, link_count, rejected_count, duplicate_count, created_at) " +
                "VALUES (7, 'pocket.csv', 'pocket-csv', 'done', 'imports/7.json', 1, 1, 0, 0, '2026-01-01T00:00:00.000Z'); UPDATE snapshots SET import_id = 7;");
        }

        var archive = Path.Combine(_temp.Path, "imported.zip");
        await File.WriteAllBytesAsync(archive, await library.ExportAsync(ExportFormat.Zip));

        var result = new ArchiveRestorer(_target).Restore(archive);

        Assert.That(result.Links, Is.EqualTo(5));
        Assert.That(SampleLibrary.FileHashes(_target), Is.EqualTo(SampleLibrary.FileHashes(library.Paths)));
        Assert.That(SampleLibrary.Rows(_target).Where(r => r.Contains("import_id=7", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Restored_library_searches_Chinese_text()
    {
        new ArchiveRestorer(_target).Restore(_archive);
        using var database = new Core.Storage.LinkSnapDatabase(_target.DatabasePath);
        var store = new Core.Storage.LinkStore(database, TimeProvider.System);
        var page = store.Listing.ListLinks(new Core.Storage.LinkListQuery { Text = "版本" });
        Assert.That(page.Items.Select(l => l.Url), Is.EqualTo(new[] { "https://example.cn/文章?id=1" }));
    }

    [Test]
    public void Refuses_a_data_directory_that_holds_a_library_and_changes_nothing()
    {
        var before = SampleLibrary.Rows(_library.Paths);
        var files = SampleLibrary.FileHashes(_library.Paths);

        var error = Assert.Throws<ArchiveRestoreException>(() => new ArchiveRestorer(_library.Paths).Restore(_archive))!;

        Assert.That(error.Message, Does.Contain("is not empty").And.Contain("Nothing was changed"));
        Assert.That(SampleLibrary.Rows(_library.Paths), Is.EqualTo(before));
        Assert.That(SampleLibrary.FileHashes(_library.Paths), Is.EqualTo(files));
    }

    [Test]
    public void Refuses_a_truncated_archive()
    {
        var bytes = File.ReadAllBytes(_archive);
        var truncated = Write("truncated.zip", bytes[..(bytes.Length * 2 / 3)]);
        AssertRefused(truncated, "not a readable zip file");
    }

    [Test]
    public void Refuses_a_file_that_is_not_a_zip()
    {
        AssertRefused(Write("bookmarks.zip", Encoding.UTF8.GetBytes("<!DOCTYPE NETSCAPE-Bookmark-file-1>")), "not a readable zip file");
        AssertRefused(Write("empty.zip", []), "not a readable zip file");
    }

    [Test]
    public void Refuses_a_zip_that_is_not_a_LinkSnap_archive()
    {
        var foreign = Zip("foreign.zip", ("notes/readme.txt", "hello"));
        AssertRefused(foreign, "not a LinkSnap archive");
        AssertRefused(Zip("wrong-shape.zip", ("linksnap-export.json", "{\"links\": 5}")), "is not a LinkSnap export");
        AssertRefused(Zip("broken-json.zip", ("linksnap-export.json", "{\"format\": \"linksnap-export\", \"links\": [")), "cannot be read");
    }

    [Test]
    public void Refuses_entries_outside_the_snapshot_folders()
    {
        const string document = "{\"format\": \"linksnap-export\", \"version\": 1, \"links\": []}";
        AssertRefused(Zip("escape.zip", ("linksnap-export.json", document), ("snapshots/../../evil.txt", "x")), "not a snapshot file");
        AssertRefused(Zip("other.zip", ("linksnap-export.json", document), ("linksnap.db", "x")), "not a snapshot file");
        Assert.That(File.Exists(Path.Combine(_temp.Path, "evil.txt")), Is.False);
    }

    [Test]
    public void Refuses_a_link_of_the_wrong_shape_and_keeps_the_directory_empty()
    {
        const string document = "{\"format\": \"linksnap-export\", \"version\": 1, \"links\": [{\"id\": 1, \"url\": \"https://a.example/\", \"colour\": \"red\"}]}";
        AssertRefused(Zip("shape.zip", ("linksnap-export.json", document), ("snapshots/2026/01/1/page.html", "x")), "link 1: unknown field 'colour'");
    }

    private void AssertRefused(string archive, string message)
    {
        var error = Assert.Throws<ArchiveRestoreException>(() => new ArchiveRestorer(_target).Restore(archive))!;
        Assert.That(error.Message, Does.Contain(message).And.Contain(Path.GetFileName(archive)));
        var left = Directory.Exists(_target.DataDirectory)
            ? Directory.EnumerateFileSystemEntries(_target.DataDirectory, "*", SearchOption.AllDirectories)
                .Where(f => !File.Exists(f) || !Path.GetFileName(f).StartsWith("linksnap.db", StringComparison.Ordinal)).ToList()
            : [];
        Assert.That(SampleLibrary.FileHashes(_target), Is.Empty, "no snapshot file may be left");
        Assert.That(left.Where(f => Path.GetFileName(f).StartsWith(".restore", StringComparison.Ordinal)), Is.Empty, "the staging folder is removed");
        if (File.Exists(_target.DatabasePath))
        {
            Assert.That(SampleLibrary.Rows(_target), Is.Empty);
        }
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_temp.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Zip(string name, params (string Name, string Text)[] entries)
    {
        var path = Path.Combine(_temp.Path, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entryName, text) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write(text);
        }

        return path;
    }
}
