using System.IO.Compression;
using System.Text.Json;

namespace LinkSnap.Bench.Extraction;

/// <summary>The Zyte article-extraction benchmark under corpus/extraction/zyte-aeb: pages, ground truth, reference outputs.</summary>
public sealed class ZyteCorpus
{
    private ZyteCorpus(string directory, IReadOnlyDictionary<string, string> truth)
    {
        Directory = directory;
        Truth = truth;
    }

    public string Directory { get; }

    /// <summary>Human-annotated article body by page id.</summary>
    public IReadOnlyDictionary<string, string> Truth { get; }

    public IEnumerable<string> Ids => Truth.Keys.Order(StringComparer.Ordinal);

    public static ZyteCorpus Load(string directory)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "ground-truth.json")));
        var truth = doc.RootElement.EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.TryGetProperty("articleBody", out var body) ? body.GetString() ?? "" : "", StringComparer.Ordinal);
        return new ZyteCorpus(directory, truth);
    }

    /// <summary>Names of the shipped reference outputs (file names without .json).</summary>
    public IEnumerable<string> ReferenceOutputNames =>
        System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "reference-output"), "*.json")
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>One reference output, in the benchmark's format <c>{output: {id: {articleBody}}}</c> (or without the wrapper).</summary>
    public IReadOnlyDictionary<string, string> ReferenceOutput(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "reference-output", name + ".json")));
        var root = doc.RootElement.TryGetProperty("output", out var output) ? output : doc.RootElement;
        return root.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("articleBody", out var body) ? body.GetString() ?? "" : "",
            StringComparer.Ordinal);
    }

    public byte[] PageHtml(string id)
    {
        using var file = File.OpenRead(Path.Combine(Directory, "html", id + ".html.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }
}
