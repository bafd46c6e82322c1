namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// How references are matched to archive parts: absolute URL without the fragment, in one canonical
/// escaping, so that "a b.png", "a%20b.png" and "a%20b.png#x" find the same part.
/// </summary>
internal static class UrlKeys
{
    public static string Of(Uri url) =>
        url.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);

    /// <summary>
    /// Resolves a reference as a browser would (surrounding whitespace and inner tabs/newlines dropped)
    /// against a base URL; null for what is not a URL.
    /// </summary>
    public static Uri? Resolve(Uri baseUri, string reference)
    {
        var trimmed = Clean(reference);
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(trimmed, UriKind.Absolute, out var cid) ? cid : null;
        }

        return Uri.TryCreate(baseUri, trimmed, out var url) ? url : null;
    }

    public static string Clean(string reference)
    {
        var trimmed = reference.Trim(' ', '\t', '\n', '\r', '\f');
        return trimmed.Contains('\t') || trimmed.Contains('\n') || trimmed.Contains('\r')
            ? trimmed.Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)
            : trimmed;
    }

    /// <summary>javascript:, vbscript: and similar, which must never survive in a saved copy.</summary>
    public static bool IsScriptUrl(string value)
    {
        var cleaned = Clean(value).TrimStart('\0', '\u0001', '\u0002', '\u0003', '\u0004', '\u0005', '\u0006', '\u0007', '\b', '\v');
        return cleaned.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || cleaned.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
            || cleaned.StartsWith("livescript:", StringComparison.OrdinalIgnoreCase);
    }
}
