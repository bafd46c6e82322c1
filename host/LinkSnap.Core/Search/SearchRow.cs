namespace LinkSnap.Core.Search;

/// <summary>What a new link's search row is made of (<see cref="SearchIndex.InsertNew"/>): the stored title, URL, tags and note.</summary>
public sealed record SearchRow(long LinkId, string Title, string Url, IReadOnlyList<string> Tags, string Note);
