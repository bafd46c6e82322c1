using System.Security.Cryptography;
using System.Text;
using Dapper;
using LinkSnap.Core.Capture;
using LinkSnap.Core.Export;
using LinkSnap.Shared;
using LinkSnap.Core.Snapshots;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Tests.Storage;
using LinkSnap.Testing;

namespace LinkSnap.Core.Tests.Export;

/// <summary>
/// A real data directory (SQLite file and snapshot folders written the way the job runner writes
/// them) holding what an export must carry: Chinese titles, tags and notes, hierarchical tags, two
/// versions of a link, a failed and a queued capture, a link without tags, binary artifacts.
/// </summary>
internal sealed class SampleLibrary : IDisposable
{
    private readonly TempDirectory _temp = new();

    public SampleLibrary()
    {
        Paths = new LinkSnapPaths(_temp.Path);
        Paths.EnsureCreated();
        Database = new LinkSnapDatabase(Paths.DatabasePath);
        Database.Migrate();
        Folders = new SnapshotFolders(Paths);
        Store = new LinkStore(Database, Clock);
    }

    public ManualClock Clock { get; } = new();
    public LinkSnapPaths Paths { get; }
    public LinkSnapDatabase Database { get; }
    public SnapshotFolders Folders { get; }
    public LinkStore Store { get; }

    /// <summary>An empty data directory beside this one.</summary>
    public static LinkSnapPaths EmptyDirectory(TempDirectory temp) => new(System.IO.Path.Combine(temp.Path, "empty"));

    public SampleLibrary Fill()
    {
        var a = Store.AddCapture(new Uri("https://example.cn/文章?id=1"), ["nlp/模型", "阅读"], "中文笔记\n第二行 <b>&</b>", CaptureMode.Fresh);
        Finish(a.SnapshotId, "大语言模型的研究", "大语言模型的研究与应用");
        var a2 = Store.AddCapture(new Uri("https://example.cn/文章?id=1"), [], null, CaptureMode.Fresh);
        Finish(a2.SnapshotId, "大语言模型的研究（第二版）", "新的版本内容");
        var b = Store.AddCapture(new Uri("https://example.org/b"), ["misc", "Later/Soon"], "-5 points", CaptureMode.Fresh);
        Finish(b.SnapshotId, "Gone", "", SnapshotStatus.Failed);
        Store.UpdateLink(b.LinkId, "=HYPERLINK(\"https://evil.example\")", null, null);
        Store.AddCapture(new Uri("https://example.net/queued"), [], null, CaptureMode.Fresh);
        Store.AddCapture(new Uri("https://example.net/as-seen"), ["阅读"], null, CaptureMode.AsSeen, Folders.SaveInput("<p>用户看到的页面</p>"));
        var d = Store.AddCapture(new Uri("https://example.com/a-b"), ["nlp"], null, CaptureMode.Fresh);
        Finish(d.SnapshotId, "Plain \"quoted\" title", "plain english text");
        AddImportedVersion(d.LinkId, "Plain \"quoted\" title");

        // What a person does while reading, which a round trip must keep too (a bookmark file has no favourite: see ArchiveRoundTripTests).
        Store.SetStates([a.LinkId], new LinkStatesEdit(Read: true));
        new Core.Reading.ReadingProgressStore(Database).Set(a.LinkId, 0.42);
        return this;
    }

    /// <summary>An imported version (wallabag article) with its content hash, through the importers' one path.</summary>
    public void AddImportedVersion(long linkId, string title) =>
        new ImportedVersions(Store, Folders, new SnapshotWriter(Store, Folders), Clock).Add(linkId, "wallabag", DateTimeOffset.Parse("2021-01-02T02:04:05Z"), folder =>
        {
            File.WriteAllText(System.IO.Path.Combine(folder, ArtifactFiles.ArticleHtml), $"<p>{title} 潮汐</p>", Encoding.UTF8);
            return new ImportedContent
            {
                Artifacts = [new ArtifactInfo(ArtifactKinds.ArticleHtml, ArtifactFiles.ArticleHtml, ArtifactStatus.Ok, 40, "text/html")],
                Metadata = new PageMetadata { Title = title },
                SearchText = "plain english text",
            };
        }, contentHash: "5e1f0c7d");

    /// <summary>Writes a snapshot folder as the job runner does (temp folder, snapshot.json, rename) and completes the row.</summary>
    public void Finish(long snapshotId, string title, string text, SnapshotStatus status = SnapshotStatus.Done)
    {
        var snapshot = Store.Snapshots.GetSnapshot(snapshotId)!;
        var link = Store.GetLink(snapshot.LinkId)!;
        var temp = Folders.CreateTempFolder(snapshotId);
        var artifacts = new List<ArtifactInfo>();
        if (status != SnapshotStatus.Failed)
        {
            File.WriteAllText(System.IO.Path.Combine(temp, "page.html"), $"<meta charset=utf-8><h1>{title}</h1><p>{text}</p>", Encoding.UTF8);
            File.WriteAllBytes(System.IO.Path.Combine(temp, "screenshot.png"), RandomNumberGenerator.GetBytes(4096 + (int)snapshotId));
            File.WriteAllText(System.IO.Path.Combine(temp, SnapshotFolders.SearchTextFileName), text, Encoding.UTF8);
            artifacts.Add(new ArtifactInfo(ArtifactKinds.Html, "page.html", ArtifactStatus.Ok, 100, "text/html"));
            artifacts.Add(new ArtifactInfo(ArtifactKinds.Screenshot, "screenshot.png", ArtifactStatus.Ok, 4096, "image/png"));
        }
        else
        {
            artifacts.Add(new ArtifactInfo(ArtifactKinds.Html, null, ArtifactStatus.Failed, Error: "HTTP 410 Gone"));
        }

        var relative = SnapshotFolders.RelativeFolder(snapshotId, snapshot.CreatedAt);
        var metadata = new PageMetadata { Title = title, HttpStatus = status == SnapshotStatus.Failed ? 410 : 200, Language = "zh-CN" };
        var reason = status == SnapshotStatus.Failed ? "HTTP 410 Gone" : null;
        SnapshotFolders.WriteDocument(temp, new SnapshotDocument
        {
            Id = snapshotId,
            LinkId = link.Id,
            Link = SnapshotLinkInfo.From(link),
            Status = status,
            Reason = reason,
            CreatedAt = snapshot.CreatedAt,
            FinishedAt = snapshot.CreatedAt.AddSeconds(2),
            Metadata = metadata,
            Artifacts = artifacts,
        });
        Folders.Commit(temp, relative);
        Store.Jobs.CompleteSnapshot(snapshotId, new SnapshotCompletion
        {
            Status = status,
            Reason = reason,
            Folder = relative,
            Metadata = metadata,
            Artifacts = artifacts,
            ArticleText = text,
        });
    }

    public async Task<byte[]> ExportAsync(ExportFormat format, ExportSelection? selection = null)
    {
        using var output = new MemoryStream();
        await new LibraryExporter(Database, Paths, Clock).WriteAsync(selection ?? ExportSelection.WholeLibrary, format, output, CancellationToken.None);
        return output.ToArray();
    }

    /// <summary>Every row of every table an export carries, as text (tags by name: their ids are the database's own).</summary>
    public static List<string> Rows(LinkSnapPaths paths)
    {
        using var database = new LinkSnapDatabase(paths.DatabasePath);
        using var connection = database.Open();
        var rows = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT * FROM links ORDER BY id",
            "SELECT * FROM snapshots ORDER BY id",
            "SELECT lt.link_id, t.name, t.key FROM link_tags lt JOIN tags t ON t.id = lt.tag_id ORDER BY lt.link_id, t.key",
            "SELECT rowid, title, url, tags, note, body FROM search ORDER BY rowid",
            "SELECT * FROM watches ORDER BY link_id",
            "SELECT * FROM tag_watches ORDER BY tag_key",
            "SELECT * FROM default_tags ORDER BY position",
        })
        {
            foreach (IDictionary<string, object?> row in connection.Query(sql))
            {
                rows.Add(sql[..20] + ": " + string.Join(" | ", row.Select(c => $"{c.Key}={c.Value}")));
            }
        }

        return rows;
    }

    /// <summary>SHA-256 of every file under snapshots/ and queue/, by relative path.</summary>
    public static SortedDictionary<string, string> FileHashes(LinkSnapPaths paths)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in new[] { "snapshots", "queue" })
        {
            var dir = System.IO.Path.Combine(paths.DataDirectory, root);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            {
                hashes[System.IO.Path.GetRelativePath(paths.DataDirectory, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
            }
        }

        return hashes;
    }

    public void Dispose()
    {
        Database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
