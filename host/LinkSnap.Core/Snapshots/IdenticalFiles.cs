using System.Runtime.InteropServices;

namespace LinkSnap.Core.Snapshots;

/// <summary>
/// Recapturing an unchanged page should cost next to no disk: each file of a new snapshot that is
/// byte-identical to the same file of the link's previous snapshot becomes a hard link to it. Both
/// folders keep a complete set of files, so deleting either snapshot leaves the other intact.
/// </summary>
internal static class IdenticalFiles
{
    /// <summary>Shares what it can; returns the bytes saved. A file that cannot be linked (another file system) stays a copy.</summary>
    public static long Share(string folder, string previousFolder)
    {
        if (!Directory.Exists(previousFolder) || !OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return 0;
        }

        long saved = 0;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            var earlier = Path.Combine(previousFolder, name);

            // snapshot.json is rewritten in place when the link changes: it must stay the snapshot's own file.
            if (name == SnapshotDocument.FileName || !File.Exists(earlier) || !SameBytes(file, earlier))
            {
                continue;
            }

            // Link under a temporary name, then rename over the copy: the file is complete at every moment.
            var temp = file + ".link-" + Guid.NewGuid().ToString("N")[..8];
            if (Link(earlier, temp) != 0)
            {
                continue;
            }

            var length = new FileInfo(file).Length;
            File.Move(temp, file, overwrite: true);
            saved += length;
        }

        return saved;
    }

    public static bool SameBytes(string a, string b)
    {
        var infoA = new FileInfo(a);
        var infoB = new FileInfo(b);
        if (infoA.Length != infoB.Length)
        {
            return false;
        }

        using var streamA = infoA.OpenRead();
        using var streamB = infoB.OpenRead();
        var bufferA = new byte[81920];
        var bufferB = new byte[81920];
        while (true)
        {
            var read = streamA.ReadAtLeast(bufferA, bufferA.Length, throwOnEndOfStream: false);
            if (read == 0)
            {
                return true;
            }

            streamB.ReadExactly(bufferB, 0, read);
            if (!bufferA.AsSpan(0, read).SequenceEqual(bufferB.AsSpan(0, read)))
            {
                return false;
            }
        }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string existing, string newPath);
}
