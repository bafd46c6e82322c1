namespace LinkSnap.Core.Import;

/// <summary>What importing a file will do, before anything is written: the links (merged per normalized URL) and the entries refused.</summary>
public sealed record ImportPlan(string Format, int EntryCount, IReadOnlyList<PlannedLink> Links, IReadOnlyList<ImportRejection> Rejected)
{
    /// <summary>Entries that were merged into an earlier entry of the same file.</summary>
    public int DuplicatesInFile => EntryCount - Rejected.Count - Links.Count;
}
