namespace LinkSnap.Core.Versions;

/// <summary>One run of a text diff. Skip stands for a long unchanged stretch left out (Words says how long).</summary>
public sealed record DiffSegment(DiffOp Op, string Text, int Words);

public enum DiffOp
{
    Equal,
    Insert,
    Delete,
    Skip,
}
