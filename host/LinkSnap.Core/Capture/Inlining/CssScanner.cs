using System.Buffers;
using System.Globalization;
using System.Text;

namespace LinkSnap.Core.Capture.Inlining;

/// <summary>The few CSS Syntax Level 3 token rules <see cref="CssRewriter"/> needs, over one string.</summary>
internal sealed class CssScanner(string css)
{
    private static readonly SearchValues<char> DoubleQuotedSpecials = SearchValues.Create("\"\\\n\r\f");
    private static readonly SearchValues<char> SingleQuotedSpecials = SearchValues.Create("'\\\n\r\f");
    private static readonly SearchValues<char> UnquotedUrlSpecials = SearchValues.Create(")\\\"'(");

    public int Position { get; private set; }

    public bool AtEnd => Position >= css.Length;

    public char Current => Position < css.Length ? css[Position] : '\0';

    public char Peek(int offset) => Position + offset < css.Length ? css[Position + offset] : '\0';

    public void Advance(int count) => Position = Math.Min(css.Length, Position + count);

    public bool MatchesWord(string word) =>
        string.Compare(css, Position, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && !CssRewriter.IsNameChar(Peek(word.Length));

    public void SkipComment()
    {
        var end = css.IndexOf("*/", Position + 2, StringComparison.Ordinal);
        Position = end < 0 ? css.Length : end + 2;
    }

    public void SkipWhitespace()
    {
        while (!AtEnd)
        {
            if (char.IsWhiteSpace(Current))
            {
                Position++;
            }
            else if (Current == '/' && Peek(1) == '*')
            {
                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    public string ReadName()
    {
        var start = Position;
        SkipName();
        return css[start..Position];
    }

    /// <summary>Moves past an identifier (no escapes); the caller compares the span without allocating.</summary>
    public void SkipName()
    {
        while (!AtEnd && CssRewriter.IsNameChar(Current) && Current != '\\')
        {
            Position++;
        }
    }

    /// <summary>A quoted string at the current position, escapes decoded; ends at the quote or a newline.</summary>
    public string ReadString()
    {
        var quote = Current;
        Position++;
        // Most strings (and long data: URIs) have no escapes: one vectorized search, one substring.
        var rest = css.AsSpan(Position);
        var end = rest.IndexOfAny(quote == '"' ? DoubleQuotedSpecials : SingleQuotedSpecials);
        if (end >= 0 && rest[end] == quote)
        {
            var simple = css.Substring(Position, end);
            Position += end + 1;
            return simple;
        }

        var value = new StringBuilder();
        while (!AtEnd)
        {
            var c = Current;
            if (c == quote)
            {
                Position++;
                break;
            }

            if (c is '\n' or '\r' or '\f')
            {
                break;
            }

            if (c == '\\')
            {
                ReadEscape(value, inString: true);
                continue;
            }

            value.Append(c);
            Position++;
        }

        return value.ToString();
    }

    /// <summary>After "url(": the URL (quoted or not), with the closing parenthesis consumed; null if malformed.</summary>
    public string? ReadUrlBody()
    {
        SkipWhitespace();
        if (Current is '"' or '\'')
        {
            var quoted = ReadString();
            SkipWhitespace();
            if (Current != ')')
            {
                return null;
            }

            Position++;
            return quoted;
        }

        var rest = css.AsSpan(Position);
        var end = rest.IndexOfAny(UnquotedUrlSpecials);
        if (end >= 0 && rest[end] == ')')
        {
            var simple = css.Substring(Position, end).TrimEnd();
            Position += end + 1;
            return simple;
        }

        var value = new StringBuilder();
        while (!AtEnd)
        {
            var c = Current;
            if (c == ')')
            {
                Position++;
                return value.ToString().TrimEnd();
            }

            if (c is '"' or '\'' or '(')
            {
                return null;
            }

            if (c == '\\')
            {
                ReadEscape(value, inString: false);
                continue;
            }

            value.Append(c);
            Position++;
        }

        return null;
    }

    /// <summary>After "@import": the URL (string or url()), and the conditions after it (media, layer, supports).</summary>
    public string? ReadImportUrl(out string rest)
    {
        rest = "";
        SkipWhitespace();
        string? url;
        if (Current is '"' or '\'')
        {
            url = ReadString();
        }
        else if (MatchesWord("url") || string.Compare(css, Position, "url(", 0, 4, StringComparison.OrdinalIgnoreCase) == 0)
        {
            Advance(4);
            url = ReadUrlBody();
        }
        else
        {
            return null;
        }

        var start = Position;
        var end = FindStatementEnd();
        rest = css[start..end].Trim();
        return url;
    }

    /// <summary>Moves past the ';' ending an at-rule statement (or to the end of a block/text).</summary>
    public void SkipPastStatementEnd()
    {
        Position = FindStatementEnd();
        if (Current == ';')
        {
            Position++;
        }
    }

    private int FindStatementEnd()
    {
        var saved = Position;
        var depth = 0;
        while (!AtEnd)
        {
            var c = Current;
            if (c == '/' && Peek(1) == '*')
            {
                SkipComment();
                continue;
            }

            if (c is '"' or '\'')
            {
                ReadString();
                continue;
            }

            if (c == '\\')
            {
                Advance(2);
                continue;
            }

            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (depth <= 0 && c is ';' or '{' or '}')
            {
                break;
            }

            Position++;
        }

        var end = Position;
        Position = saved;
        return end;
    }

    private void ReadEscape(StringBuilder value, bool inString)
    {
        Position++;
        if (AtEnd)
        {
            return;
        }

        var c = Current;
        if (c is '\n' or '\f' or '\r')
        {
            Position++;
            if (c == '\r' && Current == '\n')
            {
                Position++;
            }

            if (!inString)
            {
                value.Append(c);
            }

            return;
        }

        if (!char.IsAsciiHexDigit(c))
        {
            value.Append(c);
            Position++;
            return;
        }

        var start = Position;
        while (!AtEnd && Position - start < 6 && char.IsAsciiHexDigit(Current))
        {
            Position++;
        }

        var code = int.Parse(css.AsSpan(start, Position - start), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        value.Append(code is 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) ? "\uFFFD" : char.ConvertFromUtf32(code));
        if (Current is ' ' or '\t' or '\n')
        {
            Position++;
        }
        else if (Current == '\r')
        {
            Position++;
            if (Current == '\n')
            {
                Position++;
            }
        }
    }
}
