namespace LinkSnap.Core.Versions;

/// <summary>
/// A readable text diff. Words count Latin words and CJK characters alike; Cjk says most of the
/// text is Chinese/Japanese, so a person reads the numbers as characters. Coarse says a changed
/// part was too long to compare word by word and is shown as removed and re-added whole.
/// </summary>
public sealed record TextDiffResult(
    IReadOnlyList<DiffSegment> Segments, int InsertedWords, int DeletedWords, int UnchangedWords, bool Cjk, bool Coarse)
{
    public bool Identical => InsertedWords == 0 && DeletedWords == 0 && Segments.All(s => s.Op is DiffOp.Equal or DiffOp.Skip);
}
