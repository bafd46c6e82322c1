using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace LinkSnap.Core.Versions;

/// <summary>
/// Compares two article texts with DiffPlex (Myers' algorithm) in two passes: paragraphs (lines)
/// first, then words/CJK characters (<see cref="ScriptAwareChunker"/>) inside each changed group of
/// paragraphs, which keeps a long article with a few edits fast. Myers' cost grows with the number
/// of differences, so parts too different to compare in bounded time are shown whole (Coarse).
/// </summary>
public static class TextDiff
{
    /// <summary>Paragraphs present on one side only beyond which the paragraph pass is skipped.</summary>
    public const int MaxUnmatchedLines = 20_000;

    /// <summary>Tokens in one changed group beyond which it is shown removed and re-added whole.</summary>
    public const int MaxGroupTokens = 100_000;

    /// <summary>Unchanged text kept on each side of a change; the rest of a long unchanged stretch is collapsed.</summary>
    public const int ContextChars = 160;

    public static TextDiffResult Compare(string before, string after)
    {
        before = before.ReplaceLineEndings("\n");
        after = after.ReplaceLineEndings("\n");
        var raw = new List<DiffSegment>();
        var coarse = false;
        if (before == after)
        {
            raw.Add(new DiffSegment(DiffOp.Equal, before, 0));
        }
        else if (UnmatchedLines(before, after) > MaxUnmatchedLines)
        {
            coarse = true;
            AddReplaced(raw, before, after);
        }
        else
        {
            coarse = ComparePieces(raw, before, after);
        }

        var merged = Merge(raw);
        var inserted = merged.Where(s => s.Op == DiffOp.Insert).Sum(s => s.Words);
        var deleted = merged.Where(s => s.Op == DiffOp.Delete).Sum(s => s.Words);
        var unchanged = merged.Where(s => s.Op == DiffOp.Equal).Sum(s => s.Words);
        return new TextDiffResult(DiffCollapser.Collapse(merged, ContextChars), inserted, deleted, unchanged, WordCounter.MostlyCjk(after.Length > 0 ? after : before), coarse);
    }

    private static bool ComparePieces(List<DiffSegment> output, string before, string after)
    {
        var lines = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, LineEndingsPreservingChunker.Instance);
        var coarse = false;
        var a = 0;
        foreach (var block in lines.DiffBlocks)
        {
            AddEqual(output, lines.PiecesOld, a, block.DeleteStartA);
            var removed = Join(lines.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            var added = Join(lines.PiecesNew, block.InsertStartB, block.InsertCountB);
            coarse |= CompareWords(output, removed, added);
            a = block.DeleteStartA + block.DeleteCountA;
        }

        AddEqual(output, lines.PiecesOld, a, lines.PiecesOld.Count);
        return coarse;
    }

    private static bool CompareWords(List<DiffSegment> output, string removed, string added)
    {
        if (removed.Length == 0 || added.Length == 0)
        {
            AddReplaced(output, removed, added);
            return false;
        }

        var words = Differ.Instance.CreateDiffs(removed, added, ignoreWhiteSpace: false, ignoreCase: false, ScriptAwareChunker.Instance);
        if (words.PiecesOld.Count + words.PiecesNew.Count > MaxGroupTokens && words.DiffBlocks.Count > 0)
        {
            AddReplaced(output, removed, added);
            return true;
        }

        var a = 0;
        foreach (var block in words.DiffBlocks)
        {
            AddEqual(output, words.PiecesOld, a, block.DeleteStartA);
            AddPieces(output, DiffOp.Delete, words.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            AddPieces(output, DiffOp.Insert, words.PiecesNew, block.InsertStartB, block.InsertCountB);
            a = block.DeleteStartA + block.DeleteCountA;
        }

        AddEqual(output, words.PiecesOld, a, words.PiecesOld.Count);
        return false;
    }

    private static void AddEqual(List<DiffSegment> output, IReadOnlyList<string> pieces, int from, int to) =>
        AddPieces(output, DiffOp.Equal, pieces, from, to - from);

    private static void AddPieces(List<DiffSegment> output, DiffOp op, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count > 0)
        {
            output.Add(new DiffSegment(op, Join(pieces, start, count), 0));
        }
    }

    /// <summary>By index: Skip/Take over DiffPlex's piece lists enumerate from the start each time.</summary>
    private static string Join(IReadOnlyList<string> pieces, int start, int count)
    {
        var text = new System.Text.StringBuilder();
        for (var i = start; i < start + count; i++)
        {
            text.Append(pieces[i]);
        }

        return text.ToString();
    }

    private static void AddReplaced(List<DiffSegment> output, string removed, string added)
    {
        if (removed.Length > 0)
        {
            output.Add(new DiffSegment(DiffOp.Delete, removed, 0));
        }

        if (added.Length > 0)
        {
            output.Add(new DiffSegment(DiffOp.Insert, added, 0));
        }
    }

    /// <summary>Joins neighbours of the same kind and counts words once per run.</summary>
    private static List<DiffSegment> Merge(List<DiffSegment> raw)
    {
        var merged = new List<DiffSegment>();
        foreach (var group in raw.Where(s => s.Text.Length > 0).ChunkBy(s => s.Op))
        {
            var text = string.Concat(group.Select(s => s.Text));
            merged.Add(new DiffSegment(group[0].Op, text, WordCounter.Count(text)));
        }

        return merged;
    }

    /// <summary>Paragraphs of one side with no equal paragraph on the other: a lower bound of the paragraph pass's work.</summary>
    private static int UnmatchedLines(string before, string after)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in before.Split('\n'))
        {
            counts[line] = counts.GetValueOrDefault(line) + 1;
        }

        var unmatched = 0;
        foreach (var line in after.Split('\n'))
        {
            var left = counts.GetValueOrDefault(line);
            if (left > 0)
            {
                counts[line] = left - 1;
            }
            else
            {
                unmatched++;
            }
        }

        return unmatched + counts.Values.Sum();
    }

    private static IEnumerable<List<T>> ChunkBy<T, TKey>(this IEnumerable<T> items, Func<T, TKey> key)
        where TKey : notnull
    {
        List<T>? group = null;
        foreach (var item in items)
        {
            if (group is not null && !EqualityComparer<TKey>.Default.Equals(key(group[0]), key(item)))
            {
                yield return group;
                group = null;
            }

            (group ??= []).Add(item);
        }

        if (group is not null)
        {
            yield return group;
        }
    }
}
