using System.Text.Json;
using LinkSnap.Shared;

namespace LinkSnap.Core.Snapshots;

/// <summary>
/// The files of snapshots: one folder per snapshot at snapshots/yyyy/mm/ID/. A capture writes into
/// a temporary folder (snapshots/.tmp), which is renamed into place once snapshot.json is in it, so a
/// folder under yyyy/mm is always complete. Every path handed out is relative to the data directory.
/// </summary>
public sealed class SnapshotFolders(LinkSnapPaths paths)
{
    /// <summary>Plain text of the page kept for the search index (so reindex can rebuild it).</summary>
    public const string SearchTextFileName = "search.txt";

    private string TempRoot => Path.Combine(paths.SnapshotsDirectory, ".tmp");

    private string InputRoot => Path.Combine(paths.DataDirectory, "queue");

    public static string RelativeFolder(long snapshotId, DateTimeOffset createdAt) =>
        Path.Combine("snapshots", createdAt.UtcDateTime.ToString("yyyy"), createdAt.UtcDateTime.ToString("MM"), snapshotId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Absolute path of a relative folder or file; refuses anything outside the data directory.</summary>
    public string Resolve(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(paths.DataDirectory, relative));
        var root = paths.DataDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException($"'{relative}' is outside the data directory.");
        }

        return full;
    }

    public string ToRelative(string fullPath) => Path.GetRelativePath(paths.DataDirectory, fullPath);

    public string CreateTempFolder(long snapshotId)
    {
        var folder = Path.Combine(TempRoot, $"{snapshotId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Removes temporary folders left by a daemon that died mid-capture.</summary>
    public void CleanTemp()
    {
        if (Directory.Exists(TempRoot))
        {
            Directory.Delete(TempRoot, recursive: true);
        }
    }

    /// <summary>Moves a finished temporary folder to its final place, replacing an earlier attempt's folder.</summary>
    public void Commit(string tempFolder, string relativeFolder)
    {
        var target = Resolve(relativeFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string? previous = null;
        if (Directory.Exists(target))
        {
            previous = Path.Combine(TempRoot, $"old-{Guid.NewGuid():N}");
            Directory.Move(target, previous);
        }

        Directory.Move(tempFolder, target);
        if (previous is not null)
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    /// <summary>
    /// Turns the files of a finished temporary folder that equal the same files of an earlier snapshot
    /// (relative folder) into hard links to them; returns the bytes saved.
    /// </summary>
    public long ShareWithEarlier(string tempFolder, string earlierRelativeFolder) =>
        IdenticalFiles.Share(tempFolder, Resolve(earlierRelativeFolder));

    public static void WriteDocument(string folder, SnapshotDocument document)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, SnapshotJson.Indented);
        WriteAtomically(Path.Combine(folder, SnapshotDocument.FileName), bytes);
    }

    public static SnapshotDocument? ReadDocument(string folder)
    {
        var file = Path.Combine(folder, SnapshotDocument.FileName);
        return File.Exists(file) ? JsonSerializer.Deserialize<SnapshotDocument>(File.ReadAllBytes(file), SnapshotJson.Options) : null;
    }

    /// <summary>Writes to a temporary name in the same folder and renames, so readers never see half a file.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Saves the DOM an as-seen capture brings, until the job has used it. Returns the relative path.</summary>
    public string SaveInput(string html)
    {
        Directory.CreateDirectory(InputRoot);
        var name = Path.Combine("queue", Guid.NewGuid().ToString("N") + ".html");
        WriteAtomically(Resolve(name), System.Text.Encoding.UTF8.GetBytes(html));
        return name;
    }

    /// <summary>Deletes snapshot folders or input files (relative paths); missing ones are fine.</summary>
    public void Delete(IEnumerable<string> relativePaths)
    {
        foreach (var relative in relativePaths)
        {
            var full = Resolve(relative);
            if (Directory.Exists(full))
            {
                Directory.Delete(full, recursive: true);
            }
            else if (File.Exists(full))
            {
                File.Delete(full);
            }
        }
    }

    /// <summary>Rewrites the link part of a snapshot.json after the link's tags, note or title changed.</summary>
    public void UpdateLinkInfo(string relativeFolder, SnapshotLinkInfo link)
    {
        var folder = Resolve(relativeFolder);
        var document = ReadDocument(folder);
        if (document is not null)
        {
            WriteDocument(folder, document with { Link = link });
        }
    }

    /// <summary>Every snapshot folder with a snapshot.json (skips temporary folders).</summary>
    public IEnumerable<string> EnumerateFolders()
    {
        if (!Directory.Exists(paths.SnapshotsDirectory))
        {
            return [];
        }

        return Directory.EnumerateFiles(paths.SnapshotsDirectory, SnapshotDocument.FileName, SearchOption.AllDirectories)
            .Select(f => Path.GetDirectoryName(f)!)
            .Where(d => !d.StartsWith(TempRoot, StringComparison.Ordinal));
    }
}
