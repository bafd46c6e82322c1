using System.Text;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>
/// Rewrites the references of a stylesheet without re-serializing it (so vendor hacks and rules a
/// CSS parser would drop survive): url(...) (quoted, unquoted, escaped), the strings of image-set(),
/// and @import rules. Comments and strings are skipped as tokens, @namespace URLs are left alone.
/// One linear pass.
/// </summary>
internal static class CssRewriter
{
    private static readonly System.Buffers.SearchValues<char> StringSpecials = System.Buffers.SearchValues.Create("\"\\\n\r\f");

    // Blocks of descriptors, where var() is not allowed: url() there must stay literal.
    private static readonly HashSet<string> DescriptorRules = new(StringComparer.OrdinalIgnoreCase)
    {
        "font-face", "counter-style", "property", "font-feature-values", "font-palette-values", "page",
    };

    /// <param name="css">The stylesheet text.</param>
    /// <param name="resource">Maps a URL as written (escapes decoded), and whether a var() may stand
    /// there, to its replacement: a URL (the same text to keep it), or a "var(--...)" reference,
    /// written as is.</param>
    /// <param name="import">Maps an @import URL to the replacement URL, or null to drop the rule.</param>
    public static string Rewrite(string css, Func<string, bool, string> resource, Func<string, string?> import)
    {
        if (!MayReference(css))
        {
            return css;
        }

        var output = new StringBuilder(css.Length + 64);
        var scanner = new CssScanner(css);
        var imageSetDepth = -1;
        var depth = 0;
        var copied = 0;
        var blocks = new Stack<bool>();
        string? pendingAtRule = null;
        while (!scanner.AtEnd)
        {
            var start = scanner.Position;
            var c = scanner.Current;
            if (c == '/' && scanner.Peek(1) == '*')
            {
                scanner.SkipComment();
            }
            else if (c is '"' or '\'')
            {
                var value = scanner.ReadString();
                if (imageSetDepth >= 0 && depth == imageSetDepth + 1)
                {
                    Flush(output, css, copied, start);
                    AppendUrl(output, resource(value, !blocks.TryPeek(out var d1) || !d1), "");
                    copied = scanner.Position;
                }
            }
            else if (c == '\\')
            {
                scanner.Advance(Math.Min(2, css.Length - scanner.Position));
            }
            else if (c == '(')
            {
                depth++;
                scanner.Advance(1);
            }
            else if (c == ')')
            {
                if (depth-- == imageSetDepth + 1)
                {
                    imageSetDepth = -1;
                }

                scanner.Advance(1);
            }
            else if (c == '@' && scanner.MatchesWord("@import"))
            {
                scanner.Advance("@import".Length);
                var url = scanner.ReadImportUrl(out var rest);
                scanner.SkipPastStatementEnd();
                if (url is null)
                {
                    continue;
                }

                Flush(output, css, copied, start);
                var replacement = import(url);
                if (replacement is not null)
                {
                    output.Append("@import url(");
                    AppendString(output, replacement);
                    output.Append(')').Append(rest.Length > 0 ? " " + rest : "").Append(';');
                }

                copied = scanner.Position;
            }
            else if (c == '@' && scanner.MatchesWord("@namespace"))
            {
                scanner.SkipPastStatementEnd();
            }
            else if (c == '@')
            {
                scanner.Advance(1);
                pendingAtRule = scanner.ReadName();
            }
            else if (c == '{')
            {
                var inDescriptors = blocks.TryPeek(out var outer) && outer;
                blocks.Push(inDescriptors || (pendingAtRule is not null && DescriptorRules.Contains(pendingAtRule)));
                pendingAtRule = null;
                scanner.Advance(1);
            }
            else if (c is '}' or ';')
            {
                if (c == '}')
                {
                    blocks.TryPop(out _);
                }

                pendingAtRule = null;
                scanner.Advance(1);
            }
            else if (IsNameStart(c) && (start == 0 || !IsNameChar(css[start - 1])))
            {
                scanner.SkipName();
                var name = css.AsSpan(start, scanner.Position - start);
                if (scanner.Current == '(' && name.Equals("url", StringComparison.OrdinalIgnoreCase))
                {
                    scanner.Advance(1);
                    var url = scanner.ReadUrlBody();
                    if (url is not null)
                    {
                        Flush(output, css, copied, start);
                        AppendUrl(output, resource(url, !blocks.TryPeek(out var d2) || !d2), "url");
                        copied = scanner.Position;
                    }
                }
                else if (scanner.Current == '(' && name.EndsWith("image-set", StringComparison.OrdinalIgnoreCase) && imageSetDepth < 0)
                {
                    imageSetDepth = depth;
                }
            }
            else
            {
                scanner.Advance(1);
            }
        }

        if (copied == 0)
        {
            return css;
        }

        Flush(output, css, copied, css.Length);
        return output.ToString();
    }

    /// <summary>Makes CSS safe to put inside a style element (the HTML parser ends it at "&lt;/style").</summary>
    public static string ForStyleElement(string css) =>
        css.Contains("</", StringComparison.Ordinal) ? css.Replace("</", "<\\/", StringComparison.Ordinal) : css;

    private static bool MayReference(string css) =>
        css.Contains("url(", StringComparison.OrdinalIgnoreCase)
        || css.Contains("@import", StringComparison.OrdinalIgnoreCase)
        || css.Contains("image-set", StringComparison.OrdinalIgnoreCase);

    private static void Flush(StringBuilder output, string css, int from, int to)
    {
        if (to > from)
        {
            output.Append(css, from, to - from);
        }
    }

    /// <summary>Writes a replacement: var() as is, a URL quoted (inside url() unless <paramref name="function"/> is empty).</summary>
    private static void AppendUrl(StringBuilder output, string replacement, string function)
    {
        if (replacement.StartsWith("var(--", StringComparison.Ordinal))
        {
            output.Append(replacement);
            return;
        }

        if (function.Length > 0)
        {
            output.Append(function).Append('(');
            AppendString(output, replacement);
            output.Append(')');
        }
        else
        {
            AppendString(output, replacement);
        }
    }

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
