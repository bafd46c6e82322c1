using Microsoft.AspNetCore.StaticFiles;

namespace LinkSnap.Testing;

/// <summary>Content types for fixture files. HTML is always declared UTF-8: the corpora are stored as UTF-8.</summary>
public static class ContentTypes
{
    private static readonly FileExtensionContentTypeProvider Provider = new();

    public static string ForFileName(string name)
    {
        if (name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            return "text/html; charset=utf-8";
        }

        return Provider.TryGetContentType(name, out var type) ? type : "application/octet-stream";
    }
}
