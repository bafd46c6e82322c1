using System.Text.Encodings.Web;
using System.Text.Json;
using LinkSnap.Core.Storage;

namespace LinkSnap.Core.Export;

/// <summary>
/// The JSON export (docs/export.md, docs/export.schema.json), written link by link: the writer's
/// buffer is flushed to the stream as it fills, so memory stays flat however many links there are.
/// </summary>
internal static class JsonExportWriter
{
    public const string FormatName = "linksnap-export";
    public const int Version = 1;

    private const int FlushAt = 64 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,

        // Chinese, Japanese and Korean text stays readable in the file rather than \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync(IEnumerable<ExportLink> links, LibrarySettings settings, Stream stream, DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("format", FormatName);
        writer.WriteNumber("version", Version);
        writer.WriteString("exportedAt", StorageText.Time(exportedAt));
        writer.WriteString("generator", "LinkSnap " + typeof(JsonExportWriter).Assembly.GetName().Version);
        writer.WriteStartArray("links");
        var tagCounts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var link in links)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteLink(writer, link);
            count++;
            foreach (var tag in link.Tags)
            {
                tagCounts[tag] = tagCounts.GetValueOrDefault(tag) + 1;
            }

            if (writer.BytesPending > FlushAt)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        writer.WriteStartArray("tags");
        foreach (var (name, linkCount) in tagCounts)
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteNumber("count", linkCount);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteRows(writer, LibrarySettings.TagWatchesProperty, settings.TagWatches);
        WriteRows(writer, LibrarySettings.DefaultTagsProperty, settings.DefaultTags);
        writer.WriteNumber("linkCount", count);
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    private static void WriteLink(Utf8JsonWriter writer, ExportLink link)
    {
        writer.WriteStartObject();
        foreach (var (column, value) in link.Columns)
        {
            ExportColumns.Write(writer, column, value);
        }

        writer.WriteStartArray("tags");
        foreach (var tag in link.Tags)
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("snapshots");
        foreach (var snapshot in link.Snapshots)
        {
            writer.WriteStartObject();
            foreach (var (column, value) in snapshot)
            {
                ExportColumns.Write(writer, column, value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (link.Watch is { } watch)
        {
            writer.WritePropertyName("watch");
            WriteRow(writer, watch);
        }

        writer.WriteEndObject();
    }

    private static void WriteRows(Utf8JsonWriter writer, string name, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows)
    {
        writer.WriteStartArray(name);
        foreach (var row in rows)
        {
            WriteRow(writer, row);
        }

        writer.WriteEndArray();
    }

    private static void WriteRow(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> row)
    {
        writer.WriteStartObject();
        foreach (var (column, value) in row)
        {
            ExportColumns.Write(writer, column, value);
        }

        writer.WriteEndObject();
    }
}
