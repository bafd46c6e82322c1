using LinkSnap.Core.Import;

namespace LinkSnap.Imports;

/// <summary>An uploaded export file with the user's choices (query string of POST /api/imports[/preview]).</summary>
public sealed record ImportRequest(string FileName, byte[] Bytes, ImportOptions Options)
{
    public static ImportRequest From(HttpRequest request, byte[] bytes)
    {
        var query = request.Query;
        var folders = query["folders"].ToString().ToLowerInvariant() switch
        {
            "" or "path" => FolderTags.Path,
            "last" => FolderTags.Last,
            "none" => FolderTags.None,
            var other => throw new ArgumentException($"folders must be path, last or none (got '{other}')."),
        };
        var name = query["name"].ToString();
        return new ImportRequest(
            string.IsNullOrWhiteSpace(name) ? "the uploaded file" : Path.GetFileName(name),
            bytes,
            new ImportOptions
            {
                FolderTags = folders,
                ExtraTags = [.. query["tag"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!)],
                NoCapture = query["noCapture"].ToString() is "true" or "1",
            });
    }
}
