using System.Text;
using System.Text.Json;

namespace LinkSnap.Core.Snapshots;

/// <summary>
/// The one way the data directory's append-only journals (links.jsonl, health.jsonl) are written and read:
/// one JSON object per line, appended; on reading, a line that cannot be parsed or is not a valid entry (a
/// torn last line after a crash) is skipped and reported with its file and line number, never fatal.
/// </summary>
public static class JsonLinesFile
{
    public static void Append<T>(string path, IEnumerable<T> entries)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        Write(stream, entries);
    }

    public static void Write<T>(Stream stream, IEnumerable<T> entries)
    {
        // Not disposed: that would close the caller's stream.
        var buffered = new BufferedStream(stream, 64 * 1024);
        foreach (var entry in entries)
        {
            JsonSerializer.Serialize(buffered, entry, SnapshotJson.Options);
            buffered.WriteByte((byte)'\n');
        }

        buffered.Flush();
    }

    /// <summary>
    /// The entries of <paramref name="path"/> in order, with each entry's parsed URL; lines that are not a
    /// <paramref name="what"/> (by <paramref name="isEntry"/>) or cannot be read go to <paramref name="skipped"/>.
    /// </summary>
    public static IEnumerable<(T Entry, Uri Url)> Read<T>(string path, string what, Func<T, string?> urlOf, Func<T, bool> isEntry, List<string> skipped)
        where T : class
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        var number = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            T? entry;
            try
            {
                entry = JsonSerializer.Deserialize<T>(line, SnapshotJson.Options);
            }
            catch (JsonException e)
            {
                skipped.Add($"{path} line {number}: cannot be read ({e.Message})");
                continue;
            }

            if (entry is null || !Uri.TryCreate(urlOf(entry), UriKind.Absolute, out var url) || !isEntry(entry))
            {
                skipped.Add($"{path} line {number}: not {what}");
                continue;
            }

            yield return (entry, url);
        }
    }
}
