using LinkSnap.Shared;
using LinkSnap.Core.Storage;
using LinkSnap.Core.Urls;

namespace LinkSnap.Core.Snapshots;

/// <summary>
/// links.jsonl in the data directory: every link's title, note, tags, states and saved date, appended after
/// each change (one line per link, the last line of a URL wins; a deletion is a line too). snapshot.json
/// only exists for links with a version, so without this file a bookmark-only link (an import with
/// --no-capture) and a link whose captures are all queued would be lost by `linksnap reindex`. Appending
/// keeps a change O(1) on disk; reindex compacts the file to one line per live link.
/// </summary>
public sealed class LinkJournal(LinkSnapPaths paths, TimeProvider time)
{
    public const string FileName = "links.jsonl";

    private readonly Lock _lock = new();

    public string FilePath => Path.Combine(paths.DataDirectory, FileName);

    public bool Exists => File.Exists(FilePath);

    /// <summary>
    /// Runs a change of links together with its lines here, as one step a reindex never splits: reindex reads
    /// this file, rebuilds the database from it and rewrites it under the same lock. Without that, an edit
    /// between its read and its rewrite lost its line, and its new values were overwritten by the old ones.
    /// </summary>
    public T Serialized<T>(Func<T> change)
    {
        lock (_lock)
        {
            return change();
        }
    }

    public void Serialized(Action change)
    {
        lock (_lock)
        {
            change();
        }
    }

    public void Append(IEnumerable<LinkRecord> links) =>
        Write(links.Select(l => new LinkJournalEntry { Id = l.Id, Url = l.Url, At = time.GetUtcNow(), Link = SnapshotLinkInfo.From(l) }));

    public void AppendDeleted(LinkRecord link) =>
        Write([new LinkJournalEntry { Id = link.Id, Url = link.Url, At = time.GetUtcNow(), Deleted = true }]);

    /// <summary>A library from before links.jsonl (or restored from an archive) gets one line per link at start.</summary>
    public void EnsureSeeded(LinkStore store)
    {
        if (Exists)
        {
            return;
        }

        foreach (var chunk in store.ListLinkIds().Chunk(1000))
        {
            Append(store.GetLinks(chunk));
        }

        Write([]); // an empty library still gets its (empty) file, so this runs once
    }

    /// <summary>The last entry of every URL (by normalized URL); lines that cannot be read (a torn last line after a crash) are reported in <paramref name="skipped"/>.</summary>
    public Dictionary<string, LinkJournalEntry> ReadLatest(List<string> skipped)
    {
        var latest = new Dictionary<string, LinkJournalEntry>(StringComparer.Ordinal);
        foreach (var (entry, url) in JsonLinesFile.Read<LinkJournalEntry>(FilePath, "a link entry", e => e.Url, e => e.Deleted || e.Link?.Tags is not null, skipped))
        {
            latest[UrlNormalizer.Normalize(url)] = entry;
        }

        return latest;
    }

    /// <summary>Replaces the file (atomically) with one line per live link.</summary>
    public void Compact(IEnumerable<LinkJournalEntry> live)
    {
        lock (_lock)
        {
            var temp = FilePath + ".tmp";
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                JsonLinesFile.Write(stream, live.Where(e => !e.Deleted));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, FilePath, overwrite: true);
        }
    }

    private void Write(IEnumerable<LinkJournalEntry> entries)
    {
        lock (_lock)
        {
            JsonLinesFile.Append(FilePath, entries);
        }
    }
}
