using CsvHelper;

namespace LinkSnap.Core.Import.Formats;

/// <summary>
/// A CSV export read with CsvHelper (quoted fields with commas and newlines), as rows of named
/// columns. Columns are matched case-insensitively; a missing column reads as null.
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(IReadOnlyList<string> header, List<Dictionary<string, string>> rows)
    {
        Header = header;
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<Dictionary<string, string>> Rows { get; }

    /// <summary>The lower-cased header of the first line, without reading the rest.</summary>
    public static IReadOnlyList<string> HeaderOf(string text)
    {
        var firstLine = text.TrimStart('\uFEFF').Split('\n', 2)[0].Trim();
        return firstLine.Split(',').Select(c => c.Trim().Trim('"').ToLowerInvariant()).ToList();
    }

    public static CsvTable Read(ImportText file)
    {
        // The separator is fixed: detection could pick '|', which Pocket titles and tags contain.
        var options = CsvReaderOptions.Default with { Separator = ',' };
        using var csv = CsvReader.FromText(file.Text.TrimStart('\uFEFF'), options);
        var names = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (names.Count == 0)
        {
            throw new ImportException($"{file.FileName}: the CSV file has no header line.");
        }

        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < Math.Min(names.Count, csv.FieldCount); i++)
            {
                row[names[i]] = csv.GetString(i);
            }

            rows.Add(row);
        }

        return new CsvTable(names, rows);
    }
}
