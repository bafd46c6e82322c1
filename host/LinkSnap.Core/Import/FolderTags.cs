namespace LinkSnap.Core.Import;

/// <summary>How the folders a bookmark sits in become tags.</summary>
public enum FolderTags
{
    /// <summary>The whole path as one hierarchical tag: "Folder/Sub".</summary>
    Path,

    /// <summary>Only the innermost folder: "Sub".</summary>
    Last,

    /// <summary>Folders are dropped.</summary>
    None,
}
