namespace LinkSnap.Core.Versions;

/// <summary>Keeps some context around each change and folds the rest of a long unchanged stretch into a Skip.</summary>
public static class DiffCollapser
{
    public static IReadOnlyList<DiffSegment> Collapse(IReadOnlyList<DiffSegment> segments, int context)
    {
        var output = new List<DiffSegment>(segments.Count + 4);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var keepHead = i > 0 ? context : 0;
            var keepTail = i < segments.Count - 1 ? context : 0;
            if (segment.Op != DiffOp.Equal || segment.Text.Length <= keepHead + keepTail + context)
            {
                output.Add(segment);
                continue;
            }

            var headEnd = Boundary(segment.Text, keepHead, forward: true);
            var tailStart = Boundary(segment.Text, segment.Text.Length - keepTail, forward: false);
            var head = segment.Text[..headEnd];
            var tail = segment.Text[tailStart..];
            var skipped = segment.Text[headEnd..tailStart];
            if (head.Length > 0)
            {
                output.Add(new DiffSegment(DiffOp.Equal, head, WordCounter.Count(head)));
            }

            output.Add(new DiffSegment(DiffOp.Skip, "", WordCounter.Count(skipped)));
            if (tail.Length > 0)
            {
                output.Add(new DiffSegment(DiffOp.Equal, tail, WordCounter.Count(tail)));
            }
        }

        return output;
    }

    /// <summary>Moves a cut to the nearest whitespace (within 40 characters) so no word is split, and never splits a surrogate pair.</summary>
    private static int Boundary(string text, int index, bool forward)
    {
        index = Math.Clamp(index, 0, text.Length);
        for (var step = 0; step < 40; step++)
        {
            var at = forward ? index + step : index - step;
            if (at <= 0 || at >= text.Length)
            {
                return Math.Clamp(at, 0, text.Length);
            }

            if (char.IsWhiteSpace(text[at]))
            {
                return at;
            }
        }

        return index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) ? index + (forward ? 1 : -1) : index;
    }
}
