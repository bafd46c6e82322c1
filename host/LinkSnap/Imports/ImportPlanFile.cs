using System.Text;
using System.Text.Json;
using LinkSnap.Core.Import;
using LinkSnap.Core.Snapshots;

namespace LinkSnap.Imports;

/// <summary>
/// An import's plan on disk as JSON Lines: a first line with the format, the entry count and the refused
/// entries, then one planned link per line in the order they are applied. The runner reads it a page at a
/// time (<see cref="Pages"/>), so a 100,000-link import no longer holds its whole plan a second time while it
/// applies it (decision 089); the list of refused entries reads only the first line.
/// Plans written before this change (one JSON document, imports/ID.json) are still read, whole.
/// </summary>
public static class ImportPlanFile
{
    public const string Extension = ".jsonl";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Written to a temporary name and moved in place: the file an import names is always whole.</summary>
    public static void Write(string path, ImportPlan plan)
    {
        using (var writer = new StreamWriter(path + ".tmp", false, Utf8))
        {
            writer.WriteLine(JsonSerializer.Serialize(new Header(plan.Format, plan.EntryCount, plan.Rejected), SnapshotJson.Options));
            foreach (var link in plan.Links)
            {
                // SnapshotJson.Options is not indented and escapes line breaks inside strings: one link, one line.
                writer.WriteLine(JsonSerializer.Serialize(link, SnapshotJson.Options));
            }
        }

        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static IReadOnlyList<ImportRejection> ReadRejected(string path)
    {
        if (IsLegacy(path))
        {
            return ReadLegacy(path).Rejected;
        }

        using var reader = new StreamReader(path, Utf8);
        return ParseHeader(reader.ReadLine(), path).Rejected;
    }

    public static Pages Open(string path) => IsLegacy(path) ? new LegacyPages(ReadLegacy(path)) : new LinePages(path);

    private static bool IsLegacy(string path) => !path.EndsWith(Extension, StringComparison.Ordinal);

    private static ImportPlan ReadLegacy(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<ImportPlan>(stream, SnapshotJson.Options) ?? throw new InvalidDataException($"empty import plan {path}");
    }

    private static Header ParseHeader(string? line, string path) =>
        (line is null ? null : JsonSerializer.Deserialize<Header>(line, SnapshotJson.Options)) ?? throw new InvalidDataException($"import plan {path} has no header line");

    private sealed record Header(string Format, int EntryCount, IReadOnlyList<ImportRejection> Rejected);

    /// <summary>The plan's links read forward: skip those already applied, then take a batch at a time.</summary>
    public abstract class Pages : IDisposable
    {
        public abstract void Skip(int count);

        /// <summary>Up to <paramref name="count"/> next links; fewer (or none) at the end of the plan.</summary>
        public abstract List<PlannedLink> Read(int count);

        public virtual void Dispose()
        {
        }
    }

    private sealed class LinePages : Pages
    {
        private readonly StreamReader _reader;
        private readonly string _path;

        public LinePages(string path)
        {
            _path = path;
            _reader = new StreamReader(path, Utf8);
            _ = ParseHeader(_reader.ReadLine(), path);
        }

        public override void Skip(int count)
        {
            for (var i = 0; i < count && _reader.ReadLine() is not null; i++)
            {
            }
        }

        public override List<PlannedLink> Read(int count)
        {
            var links = new List<PlannedLink>(Math.Min(count, 1024));
            while (links.Count < count && _reader.ReadLine() is { } line)
            {
                links.Add(JsonSerializer.Deserialize<PlannedLink>(line, SnapshotJson.Options) ?? throw new InvalidDataException($"import plan {_path}: an empty link line"));
            }

            return links;
        }

        public override void Dispose() => _reader.Dispose();
    }

    private sealed class LegacyPages(ImportPlan plan) : Pages
    {
        private int _next;

        public override void Skip(int count) => _next = Math.Min(plan.Links.Count, _next + count);

        public override List<PlannedLink> Read(int count)
        {
            var links = plan.Links.Skip(_next).Take(count).ToList();
            _next += links.Count;
            return links;
        }
    }
}
