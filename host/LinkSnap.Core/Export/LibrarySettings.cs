namespace LinkSnap.Core.Export;

/// <summary>
/// What a full export carries besides the links: the tags watched as a whole (tag_watches rows) and the
/// default tags (default_tags rows), each row by column as SQLite holds it, so a restore writes them back as they were.
/// </summary>
public sealed record LibrarySettings(
    IReadOnlyList<IReadOnlyDictionary<string, object?>> TagWatches,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> DefaultTags)
{
    public const string TagWatchesProperty = "tagWatches";
    public const string DefaultTagsProperty = "defaultTags";

    public static LibrarySettings None { get; } = new([], []);
}
