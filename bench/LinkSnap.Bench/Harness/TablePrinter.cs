using System.Text;

namespace LinkSnap.Bench.Harness;

/// <summary>Prints the one result table: figure, LinkSnap, peer, ratio, target, met?</summary>
public static class TablePrinter
{
    private static readonly string[] Headers = ["figure", "LinkSnap", "peer", "ratio", "target", "met?"];

    public static string Render(IReadOnlyList<BenchRow> rows)
    {
        var cells = rows.Select(r => new[]
        {
            r.Figure,
            r.ValueText ?? Number(r.Value, r.Unit),
            r.PeerText ?? (r.PeerValue is null ? "" : Number(r.PeerValue, r.Unit) + (r.Peer is null ? "" : $" [{r.Peer}]")),
            r.Ratio is null ? "" : r.Ratio.Value.ToString(r.Ratio.Value >= 100 ? "0" : "0.00") + "×",
            r.Target ?? "",
            r.Met switch { true => "yes", false => "NO", null => "-" },
        }).ToList();

        var widths = Headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string> values) =>
            sb.AppendLine(string.Join(" | ", values.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());

        Line(Headers);
        sb.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        string? section = null;
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Section != section)
            {
                section = rows[i].Section;
                sb.AppendLine($"[{section}]");
            }

            Line(cells[i]);
        }

        // One line per distinct note: a missing part explains several figures at once.
        var notes = rows.Where(r => r.Note is not null).GroupBy(r => r.Note!).ToList();
        if (notes.Count > 0)
        {
            sb.AppendLine();
            foreach (var group in notes)
            {
                var figures = string.Join("; ", group.Select(r => r.Figure));
                sb.AppendLine($"* {figures}: {group.Key}");
            }
        }

        return sb.ToString();
    }

    public static string Number(double? value, string unit = "")
    {
        if (value is null || double.IsNaN(value.Value))
        {
            return "n/a";
        }

        var v = value.Value;
        var text = Math.Abs(v) >= 100 ? v.ToString("0") : Math.Abs(v) >= 10 ? v.ToString("0.0") : v.ToString("0.000");
        return text + unit;
    }
}
