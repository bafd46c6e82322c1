namespace LinkSnap.Core.Storage;

/// <summary>One page of links; NextCursor is null on the last page. Total counts all matches of the filters.</summary>
public sealed record LinkPage(IReadOnlyList<LinkRecord> Items, string? NextCursor, int Total);
