using System.IO.Compression;
using LinkSnap.Shared;

namespace LinkSnap.Core.Export;

/// <summary>
/// The full archive: a zip of every selected snapshot's folder (and the page an as-seen capture still
/// waits on), under the same relative paths as in the data directory, and the JSON export as
/// <see cref="DocumentName"/>. One pass over the links: each link's files go into the zip as the
/// link is read, its JSON into a temporary file that becomes the last entry, so the JSON and the
/// files describe the same moment and memory stays flat.
/// </summary>
internal static class ArchiveExportWriter
{
    public const string DocumentName = "linksnap-export.json";

    // Already compressed: deflating them again costs time and saves nothing.
    private static readonly HashSet<string> StoredExtensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".webp", ".gif", ".zip", ".gz", ".zst", ".woff2" };

    public static async Task WriteAsync(IEnumerable<ExportLink> links, LibrarySettings settings, LinkSnapPaths paths, Stream output, DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        var document = Path.Combine(paths.DataDirectory, $".export-{Guid.NewGuid():N}.json");
        try
        {
            using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            await using (var json = new FileStream(document, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose))
            {
                await JsonExportWriter.WriteAsync(WithFiles(links, paths, zip), settings, json, exportedAt, cancellationToken);
                json.Position = 0;
                var entry = zip.CreateEntry(DocumentName, CompressionLevel.Fastest);
                entry.LastWriteTime = exportedAt;
                await using var target = entry.Open();
                await json.CopyToAsync(target, cancellationToken);
            }
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static IEnumerable<ExportLink> WithFiles(IEnumerable<ExportLink> links, LinkSnapPaths paths, ZipArchive zip)
    {
        foreach (var link in links)
        {
            foreach (var snapshot in link.Snapshots)
            {
                if (snapshot.GetValueOrDefault("folder") is string folder)
                {
                    AddFolder(zip, paths, folder);
                }

                if (snapshot.GetValueOrDefault("input_path") is string input)
                {
                    AddFile(zip, paths, Path.Combine(paths.DataDirectory, input));
                }
            }

            yield return link;
        }
    }

    private static void AddFolder(ZipArchive zip, LinkSnapPaths paths, string relative)
    {
        var folder = Path.GetFullPath(Path.Combine(paths.DataDirectory, relative));
        if (!IsInside(paths, folder) || !Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            AddFile(zip, paths, file);
        }
    }

    private static void AddFile(ZipArchive zip, LinkSnapPaths paths, string file)
    {
        var full = Path.GetFullPath(file);
        if (!IsInside(paths, full) || !File.Exists(full))
        {
            return;
        }

        var name = Path.GetRelativePath(paths.DataDirectory, full).Replace(Path.DirectorySeparatorChar, '/');
        var level = StoredExtensions.Contains(Path.GetExtension(full)) ? CompressionLevel.NoCompression : CompressionLevel.Fastest;
        zip.CreateEntryFromFile(full, name, level);
    }

    internal static bool IsInside(LinkSnapPaths paths, string fullPath) =>
        fullPath.StartsWith(paths.DataDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
