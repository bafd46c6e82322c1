namespace LinkSnap.Core.Versions;

/// <summary>Turns a grid of changed cells into a few rectangles: horizontal runs per row, stacked when they line up.</summary>
public static class RegionMerger
{
    public static IReadOnlyList<ChangedRegion> Merge(bool[] cells, int columns, int cell, int width, int height, int maxRegions)
    {
        var rows = cells.Length / columns;
        var open = new Dictionary<(int From, int To), int>();
        var boxes = new List<(int From, int To, int Top, int Bottom)>();
        for (var row = 0; row < rows; row++)
        {
            var next = new Dictionary<(int From, int To), int>();
            var column = 0;
            while (column < columns)
            {
                if (!cells[row * columns + column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < columns && cells[row * columns + column])
                {
                    column++;
                }

                if (open.TryGetValue((start, column), out var index))
                {
                    boxes[index] = boxes[index] with { Bottom = row + 1 };
                }
                else
                {
                    index = boxes.Count;
                    boxes.Add((start, column, row, row + 1));
                }

                next[(start, column)] = index;
            }

            open = next;
        }

        if (boxes.Count > maxRegions)
        {
            // Too scattered to draw one by one: mark whole bands of rows instead.
            boxes = [.. boxes.GroupBy(b => b.Top * maxRegions / rows).Select(g => (g.Min(b => b.From), g.Max(b => b.To), g.Min(b => b.Top), g.Max(b => b.Bottom)))];
        }

        return [.. boxes.Select(b => new ChangedRegion(
            b.From * cell, b.Top * cell, Math.Min(b.To * cell, width) - b.From * cell, Math.Min(b.Bottom * cell, height) - b.Top * cell))];
    }
}
