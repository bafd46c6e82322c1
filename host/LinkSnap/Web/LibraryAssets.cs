using System.Security.Cryptography;

namespace LinkSnap.Web;

/// <summary>
/// The page's static files (Web/wwwroot, embedded in the executable so that one file is the whole
/// app). Held in memory: they are small, and an ETag lets the browser revalidate cheaply.
/// </summary>
public sealed class LibraryAssets
{
    private const string Prefix = "LinkSnap.Web.wwwroot/";
    private readonly Dictionary<string, (byte[] Body, string ETag)> _files = new(StringComparer.Ordinal);

    public LibraryAssets()
    {
        var assembly = typeof(LibraryAssets).Assembly;
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var normalized = name.Replace('\\', '/');
            if (!normalized.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var body = buffer.ToArray();
            var etag = "\"" + Convert.ToHexString(SHA256.HashData(body), 0, 8) + "\"";
            _files["/" + normalized[Prefix.Length..]] = (body, etag);
        }
    }

    public IEnumerable<string> Paths => _files.Keys;

    /// <summary>Writes the asset at <paramref name="path"/> (e.g. "/assets/app.js"); false when there is none.</summary>
    internal async Task<bool> TryWriteAsync(HttpContext context, string path)
    {
        if (!_files.TryGetValue(path, out var file))
        {
            return false;
        }

        context.Response.Headers.ETag = file.ETag;
        context.Response.Headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch.ToString() == file.ETag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }

        context.Response.ContentType = WebContentTypes.ForFileName(path);
        context.Response.ContentLength = file.Body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(file.Body, context.RequestAborted);
        }

        return true;
    }
}
