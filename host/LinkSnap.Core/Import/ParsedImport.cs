namespace LinkSnap.Core.Import;

/// <summary>What a format parser read from a file: its entries in file order.</summary>
public sealed record ParsedImport(string Format, IReadOnlyList<ImportEntry> Entries);
