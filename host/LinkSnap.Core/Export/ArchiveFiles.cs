using System.IO.Compression;

namespace LinkSnap.Core.Export;

/// <summary>
/// Unpacks an archive's snapshot files into a staging folder. Every entry must be a plain relative
/// path under snapshots/ or queue/ (no "..", no absolute path, no other file), the whole must fit on
/// the disk, and no entry may unpack to more than it declares (a zip bomb stops at its declared size).
/// </summary>
internal static class ArchiveFiles
{
    private static readonly string[] Roots = ["snapshots/", "queue/"];

    public static int Extract(ZipArchive zip, string archivePath, string staging)
    {
        var entries = zip.Entries.Where(e => e.FullName != ArchiveExportWriter.DocumentName && !e.FullName.EndsWith('/')).ToList();
        foreach (var entry in entries)
        {
            if (!IsSafeName(entry.FullName))
            {
                throw new ArchiveRestoreException($"{archivePath} holds '{entry.FullName}', which is not a snapshot file of a LinkSnap archive. Nothing was changed.");
            }
        }

        var declared = entries.Sum(e => e.Length);
        Directory.CreateDirectory(staging);
        var free = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(staging))!).AvailableFreeSpace;
        if (declared > free)
        {
            throw new ArchiveRestoreException($"{archivePath} unpacks to {declared / 1_048_576} MiB but the disk has {free / 1_048_576} MiB free. Nothing was changed.");
        }

        var root = Path.GetFullPath(staging) + Path.DirectorySeparatorChar;
        foreach (var entry in entries)
        {
            var target = Path.GetFullPath(Path.Combine(staging, entry.FullName));
            if (!target.StartsWith(root, StringComparison.Ordinal))
            {
                throw new ArchiveRestoreException($"{archivePath} holds '{entry.FullName}', which points outside the data directory. Nothing was changed.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            CopyBounded(entry, target, archivePath);
        }

        return entries.Count;
    }

    private static bool IsSafeName(string name) =>
        Roots.Any(r => name.StartsWith(r, StringComparison.Ordinal))
        && !name.Contains('\\', StringComparison.Ordinal)
        && !name.Contains(':', StringComparison.Ordinal)
        && name.Split('/').All(part => part.Length > 0 && part is not "." and not "..");

    private static void CopyBounded(ZipArchiveEntry entry, string target, string archivePath)
    {
        using var source = entry.Open();
        using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            total += read;
            if (total > entry.Length)
            {
                throw new ArchiveRestoreException($"'{entry.FullName}' in {archivePath} unpacks to more than the {entry.Length} bytes it declares. Nothing was changed.");
            }

            output.Write(buffer, 0, read);
        }

        output.Flush();
        File.SetLastWriteTimeUtc(target, entry.LastWriteTime.UtcDateTime);
    }
}
