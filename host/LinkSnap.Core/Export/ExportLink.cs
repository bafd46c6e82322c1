using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Export;

/// <summary>
/// One link as an export reads it: every stored column of its links row and of its snapshot rows
/// (by column name, values as SQLite holds them, so nothing is lost on the way to a restore), its
/// tags, its watch row when it is watched (or explicitly not), and the folder a bookmark file files it under.
/// </summary>
public sealed record ExportLink(
    IReadOnlyDictionary<string, object?> Columns,
    IReadOnlyList<string> Tags,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Snapshots,
    string? Folder,
    IReadOnlyDictionary<string, object?>? Watch = null)
{
    public string Url => Text("url");

    public string Title => Text("title");

    public string Note => Text("note");

    public DateTimeOffset SavedAt => StorageText.ParseTime(Text("created_at"));

    public DateTimeOffset UpdatedAt => StorageText.ParseTime(Text("updated_at"));

    /// <summary>A 0/1 column such as is_read; false when absent.</summary>
    public bool Flag(string column) => Columns.TryGetValue(column, out var value) && value is long and not 0;

    private string Text(string column) => Columns.TryGetValue(column, out var value) ? value as string ?? "" : "";
}
