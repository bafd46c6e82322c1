using System.Text;

namespace LinkSnap.Core.Capture.Fetching;

/// <summary>What a fetched document is ("html", "pdf", "image", "text", "download") and how to name it.</summary>
internal static class ContentKinds
{
    public const string Html = "html";
    public const string Pdf = "pdf";
    public const string Image = "image";
    public const string Text = "text";
    public const string Download = "download";

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "pdf", ["image/png"] = "png", ["image/jpeg"] = "jpg", ["image/gif"] = "gif",
        ["image/webp"] = "webp", ["image/svg+xml"] = "svg", ["image/avif"] = "avif", ["image/x-icon"] = "ico",
        ["image/vnd.microsoft.icon"] = "ico", ["image/bmp"] = "bmp", ["text/plain"] = "txt", ["text/csv"] = "csv",
        ["text/markdown"] = "md", ["application/json"] = "json", ["application/xml"] = "xml", ["text/xml"] = "xml",
        ["application/zip"] = "zip", ["text/html"] = "html",
    };

    /// <summary>Trusts a specific Content-Type; sniffs when there is none or it is a generic binary type.</summary>
    public static string Classify(string? mediaType, byte[] body)
    {
        if (string.IsNullOrEmpty(mediaType) || mediaType is "application/octet-stream" or "binary/octet-stream")
        {
            mediaType = Sniff(body) ?? mediaType;
        }

        return mediaType switch
        {
            null or "" => Download,
            "text/html" or "application/xhtml+xml" => Html,
            "application/pdf" => Pdf,
            _ when mediaType.StartsWith("image/", StringComparison.Ordinal) => Image,
            _ when mediaType.StartsWith("text/", StringComparison.Ordinal) || mediaType is "application/json" => Text,
            _ => Download,
        };
    }

    public static string? Sniff(byte[] b)
    {
        static bool Starts(byte[] b, string ascii) => b.Length >= ascii.Length && Encoding.ASCII.GetString(b, 0, ascii.Length) == ascii;

        if (Starts(b, "%PDF-")) return "application/pdf";
        if (b.Length > 8 && b[0] == 0x89 && Starts(b[1..4], "PNG")) return "image/png";
        if (b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "image/jpeg";
        if (Starts(b, "GIF8")) return "image/gif";
        if (b.Length > 12 && Starts(b, "RIFF") && Encoding.ASCII.GetString(b, 8, 4) == "WEBP") return "image/webp";
        var head = Encoding.UTF8.GetString(b, 0, Math.Min(b.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n').ToLowerInvariant();
        return head.StartsWith("<!doctype html", StringComparison.Ordinal) || head.StartsWith("<html", StringComparison.Ordinal) ? "text/html" : null;
    }

    /// <summary>Extension for an "original" artifact: from the media type, else the URL's own, else "bin".</summary>
    public static string ExtensionFor(string? mediaType, string? fileName)
    {
        if (mediaType is not null && Extensions.TryGetValue(mediaType, out var ext))
        {
            return ext;
        }

        var fromName = Path.GetExtension(fileName ?? "").TrimStart('.').ToLowerInvariant();
        return fromName.Length is > 0 and <= 8 && fromName.All(char.IsAsciiLetterOrDigit) ? fromName : "bin";
    }

    /// <summary>"report.pdf" from a Content-Disposition name or the last path segment of the URL.</summary>
    public static string? FileNameOf(Uri url, string? dispositionName)
    {
        if (!string.IsNullOrWhiteSpace(dispositionName))
        {
            return dispositionName;
        }

        var last = Uri.UnescapeDataString(url.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        return last.Length > 0 ? last : null;
    }
}
