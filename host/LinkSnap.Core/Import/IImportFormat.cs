namespace LinkSnap.Core.Import;

/// <summary>One export format: recognised from the file's content, read into entries in file order.</summary>
public interface IImportFormat
{
    /// <summary>Shown in the preview: "Netscape bookmarks HTML", "Pocket CSV"...</summary>
    string Name { get; }

    bool Matches(ImportText file);

    /// <summary>Reads every entry; throws <see cref="ImportException"/> when the file is of this format but broken beyond use.</summary>
    ParsedImport Parse(ImportText file, ImportOptions options);
}
