namespace LinkSnap.Core.Import;

/// <summary>Choices made when importing a file.</summary>
public sealed record ImportOptions
{
    public FolderTags FolderTags { get; init; } = FolderTags.Path;

    /// <summary>Tags added to every imported link (e.g. "from-pocket").</summary>
    public IReadOnlyList<string> ExtraTags { get; init; } = [];

    /// <summary>Bookmarks only: no capture is queued for the imported links.</summary>
    public bool NoCapture { get; init; }

    /// <summary>Largest file accepted, and largest total uncompressed size of a zip (a zip bomb stops there).</summary>
    public long MaxBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest number of entries in one file.</summary>
    public int MaxEntries { get; init; } = 200_000;

    /// <summary>Folder names as tags for a folder path, following <see cref="FolderTags"/>.</summary>
    public IReadOnlyList<string> TagsForFolders(IReadOnlyList<string> folders)
    {
        var names = folders.Select(f => f.Replace('/', '-').Trim()).Where(f => f.Length > 0).ToList();
        if (names.Count == 0)
        {
            return [];
        }

        return FolderTags switch
        {
            FolderTags.Path => [string.Join('/', names)],
            FolderTags.Last => [names[^1]],
            _ => [],
        };
    }
}
