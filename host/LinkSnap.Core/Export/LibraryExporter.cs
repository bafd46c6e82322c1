using LinkSnap.Shared;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Export;

/// <summary>Writes an export of the selected links in one of the <see cref="ExportFormat"/>s to a stream, as it reads them.</summary>
public sealed class LibraryExporter(LinkSnapDatabase database, LinkSnapPaths paths, TimeProvider time)
{
    public async Task WriteAsync(ExportSelection selection, ExportFormat format, Stream output, CancellationToken cancellationToken)
    {
        var reader = new ExportReader(database);
        switch (format)
        {
            case ExportFormat.Html:
                await NetscapeExportWriter.WriteAsync(reader.Read(selection, byFolder: true), output, cancellationToken);
                break;
            case ExportFormat.Csv:
                await CsvExportWriter.WriteAsync(reader.Read(selection), reader.LinkColumns(), output, cancellationToken);
                break;
            case ExportFormat.Zip:
                await ArchiveExportWriter.WriteAsync(reader.Read(selection), reader.Settings(), paths, output, time.GetUtcNow(), cancellationToken);
                break;
            case ExportFormat.Wacz:
                await WaczExportWriter.WriteAsync(reader.Read(selection), paths, output, time.GetUtcNow(), cancellationToken);
                break;
            default:
                await JsonExportWriter.WriteAsync(reader.Read(selection), reader.Settings(), output, time.GetUtcNow(), cancellationToken);
                break;
        }
    }

    /// <summary>A file name for a download: linksnap-20261205-2130.json.</summary>
    public string FileName(ExportFormat format) =>
        $"linksnap-{time.GetUtcNow().UtcDateTime:yyyyMMdd-HHmm}.{ExportFormats.FileExtension(format)}";
}
