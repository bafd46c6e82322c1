namespace LinkSnap.Core.Storage;

/// <summary>
/// One page of links; NextCursor is null on the last page. Total counts the matches of the filters:
/// exactly for the whole library and for up to <see cref="LinkListing.TotalCountLimit"/> matches; past that
/// Total is that limit and TotalIsLowerBound is true ("10,000+"), because counting every match of a
/// filter grows with the library while a page does not.
/// </summary>
public sealed record LinkPage(IReadOnlyList<LinkRecord> Items, string? NextCursor, int Total, bool TotalIsLowerBound = false);
