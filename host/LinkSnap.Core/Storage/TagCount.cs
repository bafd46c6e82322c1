namespace LinkSnap.Core.Storage;

/// <summary>A tag and how many links carry it.</summary>
public sealed record TagCount(string Name, int Count);
