using System.Runtime.InteropServices;

using LinkSnap.Shared;

namespace LinkSnap.Core.Paths;

/// <summary>
/// The data directory holds DOMs of logged-in tabs, the database and the login secret: only its owner may
/// read it. The daemon sets umask 077 (so every file and the socket are born private) and tightens what
/// was made before it ran (e.g. `mkdir -p` with 0755); `linksnap doctor` tightens the whole tree.
/// </summary>
public static class DataPermissions
{
    public const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OthersAndGroup = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>umask(077) for this process: files, folders and sockets it creates from now on are owner-only.</summary>
    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Umask(0b111_111);
        }
    }

    /// <summary>
    /// Makes the data directory, its direct children and (when <paramref name="wholeTree"/>) everything below
    /// owner-only; returns the paths that were open to group or others. Symlinks are neither followed nor changed.
    /// </summary>
    public static IReadOnlyList<string> Tighten(LinkSnapPaths paths, bool wholeTree)
    {
        var loosened = new List<string>();
        if (OperatingSystem.IsWindows() || !Directory.Exists(paths.DataDirectory))
        {
            return loosened;
        }

        TightenOne(new DirectoryInfo(paths.DataDirectory), loosened);
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = wholeTree,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = true,
        };
        foreach (var entry in new DirectoryInfo(paths.DataDirectory).EnumerateFileSystemInfos("*", options))
        {
            TightenOne(entry, loosened);
        }

        return loosened;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void TightenOne(FileSystemInfo entry, List<string> loosened)
    {
        if (entry.LinkTarget is not null || (entry.UnixFileMode & OthersAndGroup) == 0)
        {
            return;
        }

        try
        {
            entry.UnixFileMode = entry is DirectoryInfo ? PrivateDirectory : PrivateFile;
            loosened.Add(entry.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Vanished or not ours (e.g. a file another user put there): doctor lists what is still loose.
        }
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
}
