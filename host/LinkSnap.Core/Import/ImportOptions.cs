namespace LinkSnap.Core.Import;

/// <summary>Choices made when importing a file.</summary>
public sealed record ImportOptions
{
    public FolderTags FolderTags { get; init; } = FolderTags.Path;

    /// <summary>Tags added to every imported link (e.g. "from-pocket").</summary>
    public IReadOnlyList<string> ExtraTags { get; init; } = [];

    /// <summary>Bookmarks only: no capture is queued for the imported links.</summary>
    public bool NoCapture { get; init; }

    /// <summary>
    /// Largest export file accepted (docs/configuration.md, decision 043). A 100,000-bookmark Netscape file
    /// with Firefox's icons is about 60 MB; larger files are refused by their size, before being read.
    /// </summary>
    public const long MaxFileBytes = 128L * 1024 * 1024;

    /// <summary>Largest file accepted, and largest total uncompressed size of a zip (a zip bomb stops there).</summary>
    public long MaxBytes { get; init; } = MaxFileBytes;

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
