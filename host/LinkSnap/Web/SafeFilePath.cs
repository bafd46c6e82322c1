namespace LinkSnap.Web;

/// <summary>
/// Turns a file name taken from a URL into a path inside one folder, or refuses. Only plain names are
/// accepted (no separators, no "..", no hidden files), and a symbolic link that leads elsewhere is refused.
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
        if (!IsPlainFileName(fileName))
        {
            return null;
        }

        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var folderFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        if (!folderFull.StartsWith(rootFull, StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(folderFull, fileName!));
        if (!full.StartsWith(folderFull, StringComparison.Ordinal))
        {
            return null;
        }

        var info = new FileInfo(full);
        if (!info.Exists || info.LinkTarget is not null)
        {
            return null;
        }

        return full;
    }
}
