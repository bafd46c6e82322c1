namespace LinkSnap.Web;

/// <summary>
/// The file-safety rule of every route that serves snapshot files: a plain name (no separators, no
/// "..", no hidden files), inside its folder, inside the snapshots directory, and no symbolic link
/// anywhere from below that directory down to the file. A link planted in a snapshot folder (to
/// /etc/hostname, to another user's files) is never followed.
/// </summary>
public static class SafeFilePath
{
    public const int MaxFileNameLength = 200;

    public static bool IsPlainFileName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName) || fileName.Length > MaxFileNameLength || fileName[0] == '.')
        {
            return false;
        }

        foreach (var c in fileName)
        {
            var ok = char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';
            if (!ok)
            {
                return false;
            }
        }

        return !fileName.Contains("..", StringComparison.Ordinal);
    }

    /// <summary>The full path of <paramref name="fileName"/> inside <paramref name="folder"/>, or null when unsafe or absent.</summary>
    public static string? Resolve(string root, string folder, string? fileName)
    {
        if (!IsPlainFileName(fileName) || !IsSafeFolder(root, folder))
        {
            return null;
        }

        var full = Path.Combine(Path.GetFullPath(folder), fileName!);
        var info = new FileInfo(full);
        return info.Exists && info.LinkTarget is null && !info.Attributes.HasFlag(FileAttributes.ReparsePoint) ? full : null;
    }

    /// <summary>The folder exists below <paramref name="root"/> and neither it nor a folder between them is a link.</summary>
    public static bool IsSafeFolder(string root, string folder)
    {
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!current.StartsWith(rootFull + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return false;
        }

        for (; current.Length > rootFull.Length; current = Path.GetDirectoryName(current)!)
        {
            var info = new DirectoryInfo(current);
            if (!info.Exists || info.LinkTarget is not null)
            {
                return false;
            }
        }

        return true;
    }
}
