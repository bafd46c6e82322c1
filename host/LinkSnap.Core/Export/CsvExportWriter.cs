using System.Globalization;
using CsvHelper;

namespace LinkSnap.Core.Export;

/// <summary>
/// CSV, one row per link (RFC 4180 by CsvHelper): every stored column of the link, then its tags
/// joined by " | ", how many versions it has and the status of the latest. UTF-8 with a byte order
/// mark, which spreadsheet programs need to read Chinese text as UTF-8. Titles and notes come from
/// hostile pages: a field that a spreadsheet would run as a formula (=, +, -, @) is written with a
/// leading ' (OWASP's advice, CsvHelper's <see cref="CsvInjection.Escape"/>).
/// </summary>
internal static class CsvExportWriter
{
    public const string TagSeparator = " | ";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static async Task WriteAsync(IEnumerable<ExportLink> links, IReadOnlyList<string> columns, Stream stream, CancellationToken cancellationToken)
    {
        using var csv = CsvWriter.Create(stream, Options, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column);
        }

        csv.WriteField("tags");
        csv.WriteField("snapshot_count");
        csv.WriteField("latest_status");
        await csv.EndRecordAsync(cancellationToken);
        foreach (var link in links)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var column in columns)
            {
                csv.WriteField(Convert.ToString(link.Columns.GetValueOrDefault(column), CultureInfo.InvariantCulture) ?? "");
            }

            csv.WriteField(string.Join(TagSeparator, link.Tags));
            csv.WriteField(link.Snapshots.Count.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(link.Snapshots.Count == 0 ? "" : link.Snapshots[^1].GetValueOrDefault("status") as string ?? "");
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
