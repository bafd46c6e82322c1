using System.Text;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// Rewrites the references of a stylesheet without re-serializing it (so vendor hacks and rules a
/// CSS parser would drop survive): url(...) (quoted, unquoted, escaped), the strings of image-set(),
/// and @import rules. Comments and strings are skipped as tokens, @namespace URLs are left alone.
/// One linear pass (<see cref="CssRewritePass"/>; blocks tracked by <see cref="CssBlocks"/>).
/// </summary>
internal static class CssRewriter
{
    private static readonly System.Buffers.SearchValues<char> StringSpecials = System.Buffers.SearchValues.Create("\"\\\n\r\f");

    /// <param name="css">The stylesheet text.</param>
    /// <param name="resource">Maps a URL as written (escapes decoded), and whether a var() may stand
    /// there, to its replacement: a URL (the same text to keep it), or a "var(--...)" reference,
    /// written as is.</param>
    /// <param name="import">Maps an @import URL to the replacement URL, or null to drop the rule.</param>
    public static string Rewrite(string css, Func<string, bool, string> resource, Func<string, string?> import)
    {
        return MayReference(css) ? new CssRewritePass(css, resource, import).Run() : css;
    }

    /// <summary>Makes CSS safe to put inside a style element (the HTML parser ends it at "&lt;/style").</summary>
    public static string ForStyleElement(string css) =>
        css.Contains("</", StringComparison.Ordinal) ? css.Replace("</", "<\\/", StringComparison.Ordinal) : css;

    private static bool MayReference(string css) =>
        css.Contains("url(", StringComparison.OrdinalIgnoreCase)
        || css.Contains("@import", StringComparison.OrdinalIgnoreCase)
        || css.Contains("image-set", StringComparison.OrdinalIgnoreCase);

    internal static void AppendString(StringBuilder output, string value)
    {
        if (value.AsSpan().IndexOfAny(StringSpecials) < 0)
        {
            output.Append('"').Append(value).Append('"');
            return;
        }

        output.Append('"');
        foreach (var ch in value)
        {
            switch (ch)
            {
                case '"' or '\\':
                    output.Append('\\').Append(ch);
                    break;
                case '\n' or '\r' or '\f':
                    output.Append("\\a ");
                    break;
                default:
                    output.Append(ch);
                    break;
            }
        }

        output.Append('"');
    }

    internal static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c is '-' or '_' || c > 0x7F;

    internal static bool IsNameChar(char c) => IsNameStart(c) || char.IsAsciiDigit(c) || c == '\\';
}
