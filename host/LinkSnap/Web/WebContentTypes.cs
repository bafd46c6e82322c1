namespace LinkSnap.Web;

/// <summary>Content types for the page's own assets and for snapshot files, by extension.</summary>
internal static class WebContentTypes
{
    public static string ForFileName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".html" or ".htm" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        ".ico" => "image/x-icon",
        ".pdf" => "application/pdf",
        ".mhtml" => "multipart/related",
        _ => "application/octet-stream",
    };
}
